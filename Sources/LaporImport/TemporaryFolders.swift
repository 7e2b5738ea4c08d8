import Foundation

/// The private folders a workbook's parts are inflated into while it is read (they hold reporters'
/// names): `lapor-import-PID-UUID` under `$TMPDIR`, 0700, removed when the read ends. A read that
/// dies (`kill -9`, a power cut) cannot remove its own, so every read first removes the folders
/// whose process is gone (issue 24).
enum TemporaryFolders {
    static let prefix = "lapor-import-"

    static func make() throws(SheetFailure) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unreadable(String(describing: error))
        }
        return folder
    }

    /// Removes this user's folders of reads whose process has ended; a folder of the older name
    /// (no process id) once it is an hour old. Another read still running keeps its folder.
    static func removeLeftovers(in directory: URL = FileManager.default.temporaryDirectory, now: Date = Date()) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let path = directory.appendingPathComponent(name).path
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid()
            else { continue }
            let rest = name.dropFirst(prefix.count)
            let pidText = rest.prefix { $0.isNumber }
            if !pidText.isEmpty, rest.dropFirst(pidText.count).first == "-", let pid = Int32(pidText) {
                guard pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            } else {
                let modified = (attributes[.modificationDate] as? Date) ?? now
                guard now.timeIntervalSince(modified) > 3_600 else { continue }
            }
            try? manager.removeItem(atPath: path)
        }
    }
}
