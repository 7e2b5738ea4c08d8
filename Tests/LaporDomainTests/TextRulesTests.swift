import Testing

@testable import LaporDomain

/// The text rules of contract v1.1 item 1, at their boundaries.
@Suite struct TextRulesTests {
    @Test func limitsCountCharactersAndBytes() {
        #expect(TextRules.problem(in: String(repeating: "x", count: 300), kind: .title) == nil)
        #expect(TextRules.problem(in: String(repeating: "x", count: 301), kind: .title) == .tooLong(max: 300))
        #expect(TextRules.problem(in: String(repeating: "é", count: 300), kind: .title) == nil)  // 600 bytes
        #expect(TextRules.problem(in: String(repeating: "e\u{0301}\u{0302}", count: 250), kind: .title) == .tooManyBytes(max: 1_200))
        #expect(TextRules.problem(in: "  ", kind: .title) == .empty)
        #expect(TextRules.problem(in: String(repeating: "x", count: 500), kind: .field) == nil)
        #expect(TextRules.problem(in: String(repeating: "x", count: 501), kind: .field) == .tooManyBytes(max: 500))
        #expect(TextRules.problem(in: "", kind: .field) == nil)
        #expect(TextRules.problem(in: String(repeating: "😀", count: 20_000), kind: .body) == nil)
        #expect(TextRules.problem(in: String(repeating: "😀", count: 20_000) + "a", kind: .body) == .tooManyBytes(max: 80_000))
    }

    @Test func controlsAreRefusedButTabAndLineEndsAreText() {
        for control in ["\u{0}", "\u{1B}", "\u{7}", "\u{8}", "\u{1F}", "\u{0B}"] {
            #expect(TextRules.problem(in: "a\(control)b", kind: .body) == .controlCharacter, "\(control.unicodeScalars.first!.value)")
        }
        #expect(TextRules.problem(in: "a\tb\nc\r\nd\re", kind: .body) == nil)
        #expect(TextRules.normalised("a\r\nb\rc\n") == "a\nb\nc\n")
    }
}
