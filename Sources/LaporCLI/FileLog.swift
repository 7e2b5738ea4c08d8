import ArgumentParser
import Foundation
import LaporApp
import LaporCentral
import LaporDomain
import LaporStore
import LaporSync
import LaporTUI
import LaporText
import Logging
import ServiceLifecycle
import Terminal

/// While curses owns the terminal, logs go to a file, never to standard error.
enum FileLog {
    static func logger(at url: URL) -> Logger {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let handle = try? FileHandle(forWritingTo: url)
        handle?.seekToEndOfFile()
        var logger = Logger(label: "lapor") { label in Handler(handle: handle, label: label) }
        logger.logLevel = .info
        return logger
    }

    struct Handler: LogHandler {
        let handle: FileHandle?
        let label: String
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            handle?.write(Data("\(Timestamp(Date(), in: .wib).rfc3339) \(event.level) \(event.message)\n".utf8))
        }
    }
}
