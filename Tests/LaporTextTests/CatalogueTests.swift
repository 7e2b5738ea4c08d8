import Foundation
import LaporDomain
import LaporText
import Testing

/// Every sentence is written in both languages with the same values in it: read from the
/// sources, every `pick("…", "…")` is checked for two non-empty texts that interpolate the same
/// names (an English plural may add a condition, never a value).
@Suite struct CatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A string literal at `i` (which must be `"`): its text and the names its interpolations use.
    static func literal(_ s: [Character], _ i: inout Int) -> (text: String, names: Set<String>)? {
        guard i < s.count, s[i] == "\"", !(i + 2 < s.count && s[i + 1] == "\"" && s[i + 2] == "\"") else { return nil }
        i += 1
        var text = ""
        var names: Set<String> = []
        while i < s.count, s[i] != "\"" {
            if s[i] == "\\", i + 1 < s.count, s[i + 1] == "(" {
                i += 2
                var depth = 1
                var code = ""
                while i < s.count, depth > 0 {
                    if s[i] == "\"" {  // a literal inside the interpolation: its words are not names
                        var j = i
                        _ = literal(s, &j)
                        i = j
                        continue
                    }
                    if s[i] == "(" { depth += 1 }
                    if s[i] == ")" { depth -= 1 }
                    if depth > 0 { code.append(s[i]) }
                    i += 1
                }
                for word in code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) where word.first?.isLetter == true {
                    names.insert(String(word))
                }
                text += "{}"
                continue
            }
            if s[i] == "\\" { i += 1 }
            if i < s.count { text.append(s[i]) }
            i += 1
        }
        i += 1
        return (text, names)
    }

    static func pairs() throws -> [(file: String, id: (String, Set<String>), en: (String, Set<String>))] {
        var out: [(String, (String, Set<String>), (String, Set<String>))] = []
        for folder in ["Sources/LaporText", "Sources/LaporApp"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".swift") {
                let chars = Array(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))
                var i = 0
                while i < chars.count - 5 {
                    if String(chars[i..<(i + 5)]) == "pick(" {
                        var j = i + 5
                        while j < chars.count, chars[j].isWhitespace { j += 1 }
                        if let first = literal(chars, &j) {
                            while j < chars.count, chars[j].isWhitespace || chars[j] == "," { j += 1 }
                            if let second = literal(chars, &j) { out.append((name, first, second)) }
                        }
                        i = j
                    } else {
                        i += 1
                    }
                }
            }
        }
        return out
    }

    @Test func everySentenceHasBothLanguagesWithTheSameValues() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count > 300, "found \(pairs.count) sentences")
        for pair in pairs {
            #expect(
                !pair.id.0.trimmingCharacters(in: .whitespaces).isEmpty && !pair.en.0.trimmingCharacters(in: .whitespaces).isEmpty,
                "\(pair.file): \(pair.en.0)")
            #expect(pair.id.1 == pair.en.1, "\(pair.file): \"\(pair.id.0)\" uses \(pair.id.1.sorted()), \"\(pair.en.0)\" uses \(pair.en.1.sorted())")
        }
    }

    @Test func refusalsAreWordedInBothLanguages() {
        let problems: [FieldProblem] = [
            .required, .empty, .tooLong(max: 20_000), .tooManyBytes(max: 80_000), .controlCharacter, .unknownUnit("x"),
            .otherAgency("x"), .otherAgencyDispatch("x"), .selfReference,
        ]
        for problem in problems {
            let id = Catalogue(.id).fieldProblem("text", problem)
            let en = Catalogue(.en).fieldProblem("text", problem)
            #expect(id != en && !id.isEmpty && !en.isEmpty, "\(problem)")
        }
        #expect(Catalogue(.id).escalationWarning(3).contains("3 hari lagi") && Catalogue(.en).escalationWarning(1).contains("1 day left"))
        #expect(Catalogue(.id).provisionalNote([2027, 2027]).contains("tahun 2027 "))
    }
}
