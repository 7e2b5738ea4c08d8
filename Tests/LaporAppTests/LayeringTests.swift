import Foundation
import Testing

/// The layering rule of docs/architecture.md, checked against Package.swift: a target may
/// depend only on the targets below it, and the drawing names every target.
@Suite struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What each source target may depend on among the package's own targets.
    static let allowed: [String: Set<String>] = [
        "LaporDomain": [],
        "LaporText": ["LaporDomain"],
        "LaporStore": ["LaporDomain"],
        "LaporSync": ["LaporDomain", "LaporStore"],
        "LaporApp": ["LaporDomain", "LaporStore", "LaporSync", "LaporText"],
        "LaporCentral": ["LaporDomain"],
        "LaporImport": ["LaporDomain"],
        "Terminal": ["CNCursesW"],
        "LaporTUI": ["LaporDomain", "LaporStore", "LaporSync", "LaporText", "LaporApp", "Terminal"],
        "LaporCLI": ["LaporDomain", "LaporText", "LaporApp", "LaporCentral", "LaporStore", "LaporSync", "Terminal", "LaporTUI", "LaporImport"],
        "lapor": ["LaporCLI"],
        "lapor-bench": ["LaporDomain", "LaporCentral", "LaporStore", "LaporSync", "LaporTUI", "Terminal", "LaporImport"],
    ]

    /// The package's source targets and their dependencies on its own targets, read from the manifest text.
    static func targets() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(
            pattern: #"\.(?:target|executableTarget)\(\s*name:\s*"([^"]+)"(.*?)\)\s*,?\s*(?=\n\s*(?://|\.|\]))"#, options: [.dotMatchesLineSeparators]
        )
        var out: [String: Set<String>] = [:]
        let own = Set(allowed.keys).union(["CNCursesW", "LaporTestSupport"])
        for match in pattern.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
            guard let name = Range(match.range(at: 1), in: manifest).map({ String(manifest[$0]) }),
                let rest = Range(match.range(at: 2), in: manifest).map({ String(manifest[$0]) })
            else { continue }
            let quoted = try NSRegularExpression(pattern: #""([A-Za-z-]+)""#)
            let names = quoted.matches(in: rest, range: NSRange(rest.startIndex..., in: rest)).compactMap {
                Range($0.range(at: 1), in: rest).map { String(rest[$0]) }
            }
            out[name] = Set(names).intersection(own)
        }
        return out
    }

    @Test func everyTargetDependsOnlyOnWhatIsBelowIt() throws {
        let targets = try Self.targets()
        #expect(targets.count >= Self.allowed.count, "the manifest parse found \(targets.keys.sorted())")
        for (name, deps) in targets where name != "LaporTestSupport" {
            guard let allowed = Self.allowed[name] else {
                Issue.record("\(name) is not in the layering rule: add it here and to docs/architecture.md")
                continue
            }
            #expect(deps.isSubset(of: allowed), "\(name) depends on \(deps.subtracting(allowed).sorted()), which the layering forbids")
        }
        #expect(targets["LaporText"] == ["LaporDomain"], "the catalogue words the domain only")
    }

    @Test func theArchitectureDrawingNamesEveryTarget() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        for name in try Self.targets().keys where name != "lapor" {
            #expect(doc.contains(name), "docs/architecture.md does not mention \(name)")
        }
    }
}
