import Foundation
import Terminal

/// Ctrl-E in the composer.
enum ExternalEditor {
    /// Suspends the screen, runs `$VISUAL` or `$EDITOR` (else `vi`) on a private copy of the
    /// text, and reads it back. The file lives in a folder only this user can read.
    static func edit(_ text: String, screen: any Screen) -> Result<String, EditorFailure> {
        let environment = ProcessInfo.processInfo.environment
        let editor =
            [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-edit-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            return .failure(EditorFailure(String(describing: error)))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tindak-lanjut.txt")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(EditorFailure(file.path))
        }
        screen.suspend()
        defer { screen.resume() }
        // Through the shell, so that an editor with arguments (`code --wait`) works; the path is
        // passed as an argument, never spliced into the command.
        let status: Int32?
        do {
            let child = try ChildProcess.start(
                ["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path], stdin: .inherit, stdout: .inherit, stderr: .inherit)
            status = child.wait()
        } catch {
            return .failure(EditorFailure(String(describing: error)))
        }
        guard status == 0 else { return .failure(EditorFailure("\(editor): exit \(status.map(String.init) ?? "?")")) }
        guard let data = FileManager.default.contents(atPath: file.path), let edited = String(data: data, encoding: .utf8) else {
            return .failure(EditorFailure(file.path))
        }
        return .success(edited)
    }
}
