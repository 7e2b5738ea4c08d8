import ArgumentParser
import Foundation
import Terminal

/// Min / median / max of repeated runs, and the machine's load while they ran.
struct Spread {
    let values: [Double]

    init(_ values: [Double]) { self.values = values.sorted() }

    var min: Double { values.first ?? 0 }
    var median: Double { values.isEmpty ? 0 : values[values.count / 2] }
    var max: Double { values.last ?? 0 }

    /// `a / b / c unit` with the given decimals.
    func text(_ decimals: Int = 1, _ unit: String = "") -> String {
        let f = "%.\(decimals)f"
        return String(format: "\(f) / \(f) / \(f)", min, median, max) + (unit.isEmpty ? "" : " " + unit)
    }
}

/// How this binary was built: figures of a debug build are not the targets' figures.
#if DEBUG
    let buildKind = "DEBUG build: not comparable with the targets"
#else
    let buildKind = "release build"
#endif

/// The 1-, 5- and 15-minute load averages.
func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
}

/// Peak resident set size of this process, in MB.
func peakRSS() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// One line of the report: the figure, its target and whether it is met.
func figure(_ name: String, _ measured: String, target: String, met: Bool?, anchor: String? = nil) {
    let mark = met.map { $0 ? "met" : "MISSED" } ?? "-"
    var line = "  \(name.padding(toLength: 50, withPad: " ", startingAt: 0)) \(measured)  [target \(target): \(mark)]"
    if let anchor { line += "  anchor: \(anchor)" }
    print(line)
}

/// Runs this executable again with `arguments` and returns what it printed (one process per
/// measured run, so that its time and memory are its own).
func runSelf(_ arguments: [String]) throws -> String {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw ValidationError("no pipe") }
    let child = try ChildProcess.start([CommandLine.arguments[0]] + arguments, stdout: .descriptor(fds[1]), stderr: .inherit)
    close(fds[1])
    let output = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true).readDataToEndOfFile()
    guard child.wait(timeout: 3_600) == 0 else { throw ValidationError("\(arguments.first ?? "child") failed") }
    return String(decoding: output, as: UTF8.self)
}

/// A new folder in the temporary directory for one bench run (`lapor-bench-NAME-UUID`); the
/// caller removes it.
func benchFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-bench-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
