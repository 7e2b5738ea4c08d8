import CNCursesW
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a program and waits for it with `waitpid`, never through a SIGCHLD handler.
///
/// Foundation's `Process` learns that a child ended from SIGCHLD; where the parent of `lapor`
/// (a CI runner, a service manager, some SSH setups) starts it with SIGCHLD blocked, that news
/// never comes and `waitUntilExit` waits forever beside a zombie. `waitpid` sees the zombie
/// whatever the signal mask. Used for `$EDITOR` from the TUI, by the benchmark and by the tests.
public struct ChildProcess: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotStart(String, errno: Int32)
        public var description: String {
            switch self {
            case .cannotStart(let path, let code): "\(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Where a standard stream of the child goes.
    public enum Stream: Sendable {
        /// The parent's own (a terminal, for `$EDITOR`).
        case inherit
        case null
        /// A file, created or truncated.
        case file(String)
        /// An open descriptor of the parent (e.g. a pipe's write end).
        case descriptor(Int32)
    }

    public let pid: pid_t

    /// Starts `arguments[0]` (searched in `PATH` when it has no slash) with the others as its
    /// arguments. Descriptors other than the three standard ones are closed in the child.
    public static func start(
        _ arguments: [String], environment: [String: String]? = nil, stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null
    ) throws -> ChildProcess {
        precondition(!arguments.isEmpty)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .inherit: break
            case .null: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .descriptor(let source): posix_spawn_file_actions_adddup2(&actions, source, fd)
            }
        }
        lapor_spawn_closefrom(&actions, 3)
        // The child starts with no signal blocked and SIGPIPE at its default, whatever this process set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGTSTP] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let code = withCStrings(arguments) { argv in
            withCStrings(env) { envp in
                arguments[0].contains("/")
                    ? posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
                    : posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
            }
        }
        guard code == 0 else { throw Failure.cannotStart(arguments[0], errno: code) }
        return ChildProcess(pid: pid)
    }

    /// Waits for the child to end; its exit status (128 + n when signal n ended it). With a
    /// timeout, a child still running then is killed and nil comes back.
    @discardableResult
    public func wait(timeout: Double? = nil) -> Int32? {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
            if r == pid { return Self.exitCode(status) }
            if r < 0 && errno != EINTR { return nil }
            if let deadline, r == 0 {
                if Date() >= deadline {
                    kill(pid, SIGKILL)
                    _ = waitpid(pid, &status, 0)
                    return nil
                }
                usleep(10_000)
            }
        }
    }

    /// Asks the child to stop (SIGTERM).
    public func terminate() { kill(pid, SIGTERM) }

    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Runs a program to its end with its output in a file (not a pipe: a daemon it starts, such
    /// as a tmux server, would hold a pipe open forever); the exit status and the output.
    public static func run(_ arguments: [String], environment: [String: String]? = nil, timeout: Double = 30) -> (status: Int32?, output: String) {
        let path = NSTemporaryDirectory() + "lapor-child-\(UUID().uuidString)"
        defer { unlink(path) }
        guard let child = try? start(arguments, environment: environment, stdout: .file(path)) else { return (nil, "") }
        let status = child.wait(timeout: timeout)
        return (status, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return body(pointers)
}
