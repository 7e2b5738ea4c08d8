import Foundation
import LaporDomain

/// Shorthands for readable tests.
func ts(_ text: String) -> Timestamp {
    guard let value = Timestamp(rfc3339: text) else { fatalError("bad test timestamp \(text)") }
    return value
}

func day(_ text: String) -> LocalDate {
    guard let value = LocalDate(iso: text) else { fatalError("bad test date \(text)") }
    return value
}

/// The repository's root, for reading fixtures.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A small unit tree: two agencies (one with a sub-unit chain), a WITA and a WIT unit.
let testUnits: UnitTree = try! UnitTree([
    Unit(id: "dki", name: "Pemerintah Provinsi DKI Jakarta"),
    Unit(id: "dki-dpu", name: "Dinas Pekerjaan Umum", parentId: "dki"),
    Unit(id: "dki-dpu-jp", name: "Suku Dinas PU Jakarta Pusat", parentId: "dki-dpu"),
    Unit(id: "dki-dlh", name: "Dinas Lingkungan Hidup", parentId: "dki"),
    Unit(id: "kemenkes", name: "Kementerian Kesehatan"),
    Unit(id: "mks", name: "Pemerintah Kota Makassar", timezone: "Asia/Makassar"),
    Unit(id: "jpr", name: "Pemerintah Kota Jayapura", timezone: "Asia/Jayapura"),
])
