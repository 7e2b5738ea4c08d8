import Foundation
import Testing

/// The shape of the code a newcomer reads (issue 11): test files mirror the source files they
/// test, files stay small, and a long file says why in its header.
@Suite struct SourceShapeTests {
    static let root = LayeringTests.root

    /// Test files that test no one source file, each with the reason.
    static let crossCutting: [String: String] = [
        "LaporAppTests/LayeringTests.swift": "the package's layering rule",
        "LaporAppTests/SourceShapeTests.swift": "this rule",
        "LaporCLITests/TmuxEndToEndTests.swift": "the real binary in tmux, every role",
        "LaporCLITests/TmuxTrustTests.swift": "keys and widths in the real binary at 80x24 and 120x40",
        "LaporCLITests/RulebookAgreementTests.swift": "CLI, server and domain agree on every deadline",
        "LaporCLITests/CaseCommandsTests.swift": "a liaison's day across act, list, show, outbox and sync",
        "LaporCentralTests/HostileTrafficTests.swift": "the whole server under hostile input",
    ]

    /// Swift files under a folder, by path relative to it.
    static func swiftFiles(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
    }

    @Test func everyTestFileMirrorsASourceFile() {
        let testsRoot = Self.root.appendingPathComponent("Tests")
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: testsRoot.path))?.filter { $0.hasSuffix("Tests") } ?? []
        #expect(targets.count >= 9)
        for target in targets {
            let sourceTarget = String(target.dropLast("Tests".count))
            let sources = Set(
                Self.swiftFiles(under: "Sources/\(sourceTarget)").map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
            #expect(!sources.isEmpty, "\(target) tests no source target")
            for file in Self.swiftFiles(under: "Tests/\(target)") {
                let name = URL(fileURLWithPath: file).lastPathComponent
                if name.hasPrefix("Support") || Self.crossCutting["\(target)/\(file)"] != nil { continue }
                guard name.hasSuffix("Tests.swift") else {
                    Issue.record("Tests/\(target)/\(file): a test file is named <Source>Tests.swift (or Support*.swift for helpers)")
                    continue
                }
                let tested = String(name.dropLast("Tests.swift".count))
                let mirrors = sources.contains(tested) || sources.contains { tested.hasPrefix($0 + "+") }
                #expect(mirrors, "Tests/\(target)/\(file) mirrors no file of Sources/\(sourceTarget)")
            }
        }
    }

    @Test func filesStaySmallAndALongOneSaysWhy() throws {
        var lengths: [Int] = []
        for folder in ["Sources", "Tests"] {
            for file in Self.swiftFiles(under: folder) {
                let text = try String(contentsOf: Self.root.appendingPathComponent("\(folder)/\(file)"), encoding: .utf8)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                if folder == "Sources" { lengths.append(lines) }
                let header = text.split(separator: "\n").prefix(12).joined(separator: "\n")
                #expect(
                    lines <= 400 || header.contains("Longer than 400 lines because"), "\(folder)/\(file): \(lines) lines, no reason in its header")
            }
        }
        let median = lengths.sorted()[lengths.count / 2]
        #expect(median <= 150, "the median source file has \(median) lines")
    }
}
