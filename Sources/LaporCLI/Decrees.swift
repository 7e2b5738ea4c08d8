import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// Reading decree files: one file, or every `YYYY.json` of a folder.
enum Decrees {
    struct Loaded {
        var decrees: [HolidayYear] = []
        /// Problems by file (errors and remarks).
        var problems: [(String, [DecreeFile.Problem])] = []
    }

    static func load(_ path: String) -> Loaded {
        var out = Loaded()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            out.problems.append((path, [.missingField("file")]))
            return out
        }
        let files: [String]
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        } else {
            files = [path]
        }
        for file in files {
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            guard let data = FileManager.default.contents(atPath: file), data.count <= 1 << 20 else {
                out.problems.append((file, [.notJSON]))
                continue
            }
            let (decree, problems) = DecreeFile.check(data, fileYear: Int(name))
            if !problems.isEmpty { out.problems.append((file, problems)) }
            if let decree {
                if out.decrees.contains(where: { $0.year == decree.year }) {
                    out.problems.append((file, [.fileNameYear(file: decree.year, content: decree.year)]))
                } else {
                    out.decrees.append(decree)
                }
            }
        }
        out.decrees.sort { $0.year < $1.year }
        return out
    }
}
