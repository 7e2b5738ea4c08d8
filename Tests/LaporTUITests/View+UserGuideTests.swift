import Foundation
import Testing

/// The user guide's captures are the snapshot files themselves: a block marked
/// `<!-- capture: NAME -->` must hold `Snapshots/NAME.txt` (trailing spaces trimmed).
/// `LAPOR_RECORD=1 swift test --filter UserGuideCaptureTests` writes them anew.
@Suite struct UserGuideCaptureTests {
    @Test func theGuidesCapturesAreTheSnapshots() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let guide = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/user-guide.md")
        var text = try String(contentsOf: guide, encoding: .utf8)
        let marker = try NSRegularExpression(pattern: #"<!-- capture: ([A-Za-z0-9-]+) -->\n```\n(.*?)```"#, options: [.dotMatchesLineSeparators])
        let matches = marker.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(!matches.isEmpty, "the guide has captures")
        var rewritten = text
        for match in matches.reversed() {
            guard let name = Range(match.range(at: 1), in: text).map({ String(text[$0]) }),
                let body = Range(match.range(at: 2), in: text)
            else { continue }
            let snapshot = try String(contentsOf: here.appendingPathComponent("Snapshots/\(name).txt"), encoding: .utf8)
            let expected =
                snapshot.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    var l = String(line)
                    while l.last == " " { l.removeLast() }
                    return l
                }.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
            if ProcessInfo.processInfo.environment["LAPOR_RECORD"] == "1" {
                rewritten.replaceSubrange(body, with: expected)
            } else {
                #expect(String(text[body]) == expected, "docs/user-guide.md: capture \(name) differs from its snapshot")
            }
        }
        if rewritten != text {
            text = rewritten
            try text.write(to: guide, atomically: true, encoding: .utf8)
        }
    }
}
