import CNCursesW
import Foundation

/// The real terminal, through ncursesw. It only copies a `CellGrid` out (changed cells only) and
/// reads keys; one thread at a time (the TUI loop's own).
public final class NcursesScreen: Screen, @unchecked Sendable {
    public enum Failure: Error, Equatable {
        /// Standard input or output is not a terminal.
        case notATerminal
        /// `TERM` names a terminal ncurses does not know.
        case unknownTerminal(String)
        /// `TERM` names a terminal that cannot move its cursor (`dumb`).
        case cannotAddress(String)
    }

    private let screen: OpaquePointer
    /// `wake` writes a byte here; `readKey` waits on it beside the terminal.
    private var wakePipe: (read: Int32, write: Int32)
    private let wakeLock = NSLock()
    private var previous: CellGrid?
    private var pairs: [Int: Int16] = [:]
    private let colors: Int
    private var active = true
    /// False under a locale that is not UTF-8: frames are drawn in ASCII (`AsciiFallback`).
    public let utf8: Bool

    /// Starts curses on the controlling terminal. Honours `NO_COLOR`.
    public init(environment: [String: String]) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw Failure.notATerminal }
        setlocale(LC_ALL, "")
        let term = environment["TERM"] ?? "xterm"
        guard let s = lapor_newterm(term) else { throw Failure.unknownTerminal(term) }
        screen = s
        set_term(s)
        guard lapor_can_address() != 0 else {
            endwin()
            delscreen(s)
            throw Failure.cannotAddress(term)
        }
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            wakePipe = (fds[0], fds[1])
        } else {
            // Without the pipe `readKey` waits on the terminal alone, as curses does.
            wakePipe = (-1, -1)
        }
        utf8 = lapor_locale_is_utf8() != 0
        lapor_install_crash_handlers()
        raw()
        noecho()
        keypad(lapor_stdscr(), true)
        nodelay(lapor_stdscr(), false)
        set_escdelay(25)
        let wantsColor = environment["NO_COLOR"].map { $0.isEmpty } ?? true
        if wantsColor && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(lapor_colors())
        } else {
            colors = 0
        }
        // Bracketed paste on: a paste arrives marked, never as a burst of commands.
        FileHandle.standardOutput.write(Data("\u{1B}[?2004h".utf8))
        _ = define_key("\u{1B}[200~", lapor_key_paste_start())
        _ = define_key("\u{1B}[201~", lapor_key_paste_end())
        for sequence in ["\u{1B}[1;5D", "\u{1B}[1;3D", "\u{1B}[5D"] { _ = define_key(sequence, lapor_key_word_left()) }
        for sequence in ["\u{1B}[1;5C", "\u{1B}[1;3C", "\u{1B}[5C"] { _ = define_key(sequence, lapor_key_word_right()) }
    }

    deinit { end() }

    /// Restores the terminal; safe to call twice.
    public func end() {
        guard active else { return }
        active = false
        FileHandle.standardOutput.write(Data("\u{1B}[?2004l".utf8))
        endwin()
        delscreen(screen)
        wakeLock.withLock {
            if wakePipe.read >= 0 {
                close(wakePipe.read)
                close(wakePipe.write)
            }
            // A late `wake` from another thread must not write to a number reused since.
            wakePipe = (-1, -1)
        }
    }

    public func wake() {
        wakeLock.withLock {
            guard wakePipe.write >= 0 else { return }
            var byte: UInt8 = 1
            // A full pipe already says "wake"; nothing is lost by a write that does not fit.
            _ = write(wakePipe.write, &byte, 1)
        }
    }

    /// Leaves curses for a while (Ctrl-Z, `$EDITOR`); `resume` redraws everything.
    public func suspend() {
        endwin()
    }

    /// Ctrl-Z. SIGSTOP, not SIGTSTP: ncurses catches SIGTSTP itself; the shell sees a stopped
    /// job either way.
    ///
    /// Sent to this thread, not the process: `kill(getpid())` goes to the main thread, and this
    /// one ran on into `resume` (back into the alternate screen, a frame drawn) before the stop
    /// reached it, leaving the shell's prompt on top of the TUI's screen. A signal to the thread
    /// itself is taken on the way out of the call, before `resume`.
    public func copyToClipboard(_ text: String) {
        guard let sequence = clipboardSequence(text) else { return }
        // After the frame (curses has flushed its output on refresh): the terminal takes the
        // sequence whole and shows nothing.
        fflush(nil)
        let bytes = Array(sequence.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            written += n
        }
    }

    public func stopForJobControl() {
        suspend()
        pthread_kill(pthread_self(), SIGSTOP)
        resume()
    }

    /// Redraws everything from scratch: what the shell or the editor printed meanwhile (and any
    /// scrolling it caused) is unknown to curses, so the screen is cleared and painted whole.
    ///
    /// The terminal's modes are set again too: after Ctrl-Z and `fg` the shell restores the
    /// modes it saved when the job stopped (cooked: `icanon echo`, since `endwin` had run), and
    /// it may do so after we are already running again — keys would then echo and wait for Enter.
    public func resume() {
        previous = nil
        reset_prog_mode()
        raw()
        noecho()
        keypad(lapor_stdscr(), true)
        clearok(lapor_stdscr(), true)
        refresh()
    }

    public var size: (width: Int, height: Int) {
        (Int(lapor_getmaxx(lapor_stdscr())), Int(lapor_getmaxy(lapor_stdscr())))
    }

    /// Copies the changed cells of `grid` to the terminal and places the cursor.
    public func draw(_ grid: CellGrid) {
        let win = lapor_stdscr()
        for run in FrameDiff.runs(from: previous, to: grid) {
            _ = lapor_set_attr(win, attributes(run.style), pair(run.style))
            let text = utf8 ? run.text : AsciiFallback.text(run.text)
            var wide = Array(text.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
            wide.append(0)
            _ = wmove(win, Int32(run.y), Int32(run.x))
            wide.withUnsafeBufferPointer { _ = waddnwstr(win, $0.baseAddress, Int32(wide.count - 1)) }
        }
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(win, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(win)
        previous = grid
    }

    /// Waits up to `timeout` milliseconds for a key (nil: none came).
    /// A key curses has already read (the rest of a burst) comes first; then the terminal and
    /// the wake pipe are waited on together. A signal (SIGWINCH) ends the wait too, and curses
    /// then reports the resize.
    public func readKey(timeout: Int32) -> Key? {
        if let key = nextKey(timeout: 0) { return key }
        guard wakePipe.read >= 0 else { return nextKey(timeout: timeout) }
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, timeout)
        if fds[1].revents != 0 {
            var sink = [UInt8](repeating: 0, count: 64)
            while read(wakePipe.read, &sink, sink.count) > 0 {}
        }
        if ready < 0 || fds[0].revents != 0 { return nextKey(timeout: 0) }
        return nil
    }

    /// One key from curses, waiting at most `timeout` ms (0: only what is there).
    func nextKey(timeout: Int32) -> Key? {
        wtimeout(lapor_stdscr(), timeout)
        var ch: wint_t = 0
        let kind = wget_wch(lapor_stdscr(), &ch)
        if kind == ERR { return nil }
        if kind == KEY_CODE_YES {
            if Int32(ch) == lapor_key_paste_start() { return readPaste() }
            return special(Int32(ch))
        }
        switch ch {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
        default: return Unicode.Scalar(UInt32(ch)).map { .char(Character($0)) }
        }
    }

    /// Reads a bracketed paste to its end marker (or until the terminal is quiet for a second).
    func readPaste() -> Key {
        var scalars = String.UnicodeScalarView()
        wtimeout(lapor_stdscr(), 1000)
        while true {
            var ch: wint_t = 0
            let kind = wget_wch(lapor_stdscr(), &ch)
            if kind == ERR { break }
            if kind == KEY_CODE_YES {
                if Int32(ch) == lapor_key_paste_end() { break }
                if Int32(ch) == KEY_ENTER { scalars.append("\n") }
                continue
            }
            if ch == 13 { ch = 10 }
            if let scalar = Unicode.Scalar(UInt32(ch)) { scalars.append(scalar) }
        }
        return .paste(String(scalars))
    }

    func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case lapor_key_resize(): .resize
        case lapor_key_word_left(): .wordLeft
        case lapor_key_word_right(): .wordRight
        default: (1...12).first { lapor_key_f(Int32($0)) == code }.map { .function($0) }
        }
    }

    func attributes(_ s: Style) -> attr_t {
        var a = lapor_a_normal()
        if s.bold { a |= lapor_a_bold() }
        if s.underline { a |= lapor_a_underline() }
        if s.reverse { a |= lapor_a_reverse() }
        if s.dim { a |= lapor_a_dim() }
        return a
    }

    func pair(_ s: Style) -> Int16 {
        guard colors >= 8, s.fg != .standard || s.bg != .standard else { return 0 }
        let key = Int(s.fg.rawValue) * 16 + Int(s.bg.rawValue)
        if let p = pairs[key] { return p }
        let p = Int16(pairs.count + 1)
        init_pair(p, code(s.fg), code(s.bg))
        pairs[key] = p
        return p
    }

    func code(_ c: Color) -> Int16 {
        switch c {
        case .standard: -1
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        case .gray: colors >= 256 ? 244 : Int16(COLOR_WHITE)
        }
    }
}
