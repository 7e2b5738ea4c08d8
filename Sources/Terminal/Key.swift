/// A key press, decoded from the terminal.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl (or Alt) with ← or →: a word at a time.
    case wordLeft, wordRight
    case enter, tab, backTab, escape, backspace, delete
    /// Text pasted in a bracketed paste, whole: never taken as commands.
    case paste(String)
    case function(Int)
    case resize
}
