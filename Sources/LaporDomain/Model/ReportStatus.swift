/// Where a report stands in the LAPOR! workflow (contract: `status`).
public enum ReportStatus: String, Codable, CaseIterable, Sendable {
    case submitted
    case held
    case verified
    case dispatched
    case infoRequested = "info_requested"
    case followedUp = "followed_up"
    case replied
    case closed
    case archived
    /// Local only, never on the wire: a report read from a spreadsheet export whose status label
    /// lapor does not know (`AdminExport.status(ofLabel:)`). No clock runs; the label is shown.
    case unknown

    /// The statuses of the contract (every case but `unknown`).
    public static let contractCases: [ReportStatus] = allCases.filter { $0 != .unknown }

    /// Closed and archived reports are finished: no clock runs and no escalation applies.
    public var isFinal: Bool { self == .closed || self == .archived }

    /// Before dispatch the report is with the admins (intake); from dispatch on, with a unit.
    public var isIntake: Bool { self == .submitted || self == .held || self == .verified }

    /// The label the LAPOR! web shows, in Bahasa Indonesia (contract: `status_label`).
    /// - Parameters:
    ///   - unitName: the handling unit's name, for `dispatched`.
    ///   - holdReason: what is missing, for `held`.
    ///   - bySystem: for `closed` and `archived`, whether the system clock did it.
    public func label(unitName: String? = nil, holdReason: String? = nil, bySystem: Bool = false) -> String {
        switch self {
        case .submitted: return "Belum Terverifikasi"
        case .held:
            guard let reason = holdReason?.trimmingWhitespace, !reason.isEmpty else { return "Ditunda" }
            return "Ditunda (\(reason))"
        case .verified: return "Terverifikasi"
        case .dispatched: return "Terdisposisi ke \(unitName ?? "Instansi")"
        case .infoRequested: return "Menunggu Tanggapan Pelapor"
        case .followedUp: return "Ditindaklanjuti oleh Instansi"
        case .replied: return "Ditanggapi oleh Pelapor"
        case .closed: return bySystem ? "Ditutup oleh Sistem" : "Ditutup oleh Admin"
        case .archived: return bySystem ? "Diarsipkan oleh Sistem" : "Diarsipkan oleh Admin"
        case .unknown: return "Status tidak dikenal"
        }
    }
}

extension String {
    /// The string without leading and trailing white space and newlines.
    var trimmingWhitespace: String {
        // Most texts have nothing to trim: no copy then (an import trims every cell it reads), and
        // an ASCII end is judged by its byte, without Unicode's property tables.
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        func space(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        if firstByte < 0x80, lastByte < 0x80, !space(firstByte), !space(lastByte) { return self }
        guard let first = self.first, let last = self.last else { return self }
        if !(first.isWhitespace || first.isNewline) && !(last.isWhitespace || last.isNewline) { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace || first.isNewline { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace || last.isNewline { scalars.removeLast() }
        return String(scalars)
    }
}
