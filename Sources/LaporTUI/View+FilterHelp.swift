import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

extension View {
    /// While `f` is typed: the syntax, each field's values, and what is wrong with the text so far.
    static func filterHelp(_ grid: inout CellGrid, _ state: AppState, _ typed: String, above bottom: Int) {
        let text = state.text
        var lines = [text.filterSyntax, ""]
        for field in FilterParser.fields {
            let values = FilterParser.allowed(field, units: state.workflow.units, categories: state.workflow.categories)
            let note = field == "unit" ? " " + text.filterSubtreeNote : field == "category" ? " " + text.filterSubtreeNote : ""
            lines.append(pad(field + "=", 10) + values.prefix(8).joined(separator: ",") + (values.count > 8 ? ",…" : "") + note)
        }
        let words = typed.split(separator: " ").joined(separator: " ")
        if case .failure(let problem) = FilterParser.parse(words, units: state.workflow.units, categories: state.workflow.categories),
            !typed.hasSuffix("=")
        {
            lines += ["", text.badFilter(problem.word, allowed: problem.allowed)]
        }
        let width = min(state.width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let shown = lines.flatMap { DisplayWidth.wrap($0, to: max(1, width - 4)) }
        let height = min(bottom - 1, shown.count + 2)
        guard height >= 4 else { return }
        let y = bottom - height
        frame(&grid, x: 0, y: y, width: width, height: height)
        for (i, line) in shown.prefix(height - 2).enumerated() { grid.put(line, x: 2, y: y + 1 + i, maxWidth: width - 4) }
    }
}
