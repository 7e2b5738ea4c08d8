/// A run of changed cells on one row, in one style: what reaches the terminal.
public struct DrawRun: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var text: String
    public var style: Style
}

/// Only changed cells reach the terminal: the difference between two frames, as runs.
public enum FrameDiff {
    /// The runs that turn `old` into `new` (everything when there is no old frame or the size changed).
    public static func runs(from old: CellGrid?, to new: CellGrid) -> [DrawRun] {
        let full = old == nil || old!.width != new.width || old!.height != new.height
        func changed(_ x: Int, _ y: Int) -> Bool { full || old![x, y] != new[x, y] }
        var runs: [DrawRun] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                if !changed(x, y) || new[x, y].width == 0 {
                    x += 1
                    continue
                }
                var run = DrawRun(x: x, y: y, text: "", style: new[x, y].style)
                var lastChange = x
                while x < new.width {
                    let c = new[x, y]
                    if c.width == 0 {
                        x += 1
                        continue
                    }
                    guard c.style == run.style else { break }
                    if changed(x, y) {
                        lastChange = x
                    } else if x - lastChange > gap {
                        break
                    }
                    run.text += c.text
                    x += Int(c.width)
                }
                // Unchanged cells at the end of a run are not sent.
                while x > lastChange + 1, !run.text.isEmpty, !changed(x - 1, y), new[x - 1, y].width == 1 {
                    run.text.removeLast()
                    x -= 1
                }
                runs.append(run)
            }
        }
        return runs
    }

    /// Unchanged cells shorter than this between two changes are rewritten rather than skipped:
    /// a cursor move costs more than a few characters.
    static let gap = 8

    /// The bytes an ANSI terminal would receive for these runs: a cursor move and an SGR per run,
    /// and the text in UTF-8 (what an SSH link carries).
    public static func bytes(_ runs: [DrawRun]) -> Int {
        runs.reduce(0) { total, run in
            let move = "\u{1B}[\(run.y + 1);\(run.x + 1)H".utf8.count
            let sgr =
                4 + (run.style.bold ? 2 : 0) + (run.style.reverse ? 2 : 0) + (run.style.fg != .standard ? 3 : 0) + (run.style.bg != .standard ? 3 : 0)
            return total + move + sgr + run.text.utf8.count
        }
    }
}
