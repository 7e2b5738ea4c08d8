/// Why the rules refuse an action. The CLI, the TUI and the server word it; the server maps
/// `category` to its HTTP status.
public enum Refusal: Error, Hashable, Sendable {
    /// Supervisors only read.
    case readOnlyRole
    /// The action belongs to another role.
    case roleNotAllowed(ActionType, Role)
    /// The report is not in the caller's units (or, for an agency admin, not routed to the agency).
    case outsideScope(reportUnitId: String?)
    /// The report's status does not allow the action.
    case statusNotAllowed(ActionType, ReportStatus)
    /// A payload field is missing or wrong.
    case invalid(field: String, problem: FieldProblem)

    public enum Category: String, Sendable {
        /// 403 `forbidden`.
        case forbidden
        /// 409 `conflict`: the report moved on; the caller gets the current report.
        case conflict
        /// 422 `invalid`.
        case invalid
    }

    public var category: Category {
        switch self {
        case .readOnlyRole, .roleNotAllowed, .outsideScope: .forbidden
        case .statusNotAllowed: .conflict
        case .invalid: .invalid
        }
    }
}

/// What is wrong with a payload field.
public enum FieldProblem: Hashable, Sendable {
    case required
    case empty
    /// More characters (grapheme clusters) than allowed.
    case tooLong(max: Int)
    /// More UTF-8 bytes than allowed.
    case tooManyBytes(max: Int)
    /// A C0 control character other than TAB and LF (NUL included).
    case controlCharacter
    case unknownUnit(String)
    case unknownCategory(String)
    /// The unit is not in the caller's subtree.
    case outsideSubtree(String)
    /// Forwarding to the unit that already has the report.
    case sameUnit
    /// A liaison forwarding across agencies: that is a return to the admins.
    case otherAgency(String)
    /// An admin forwarding across agencies: that is a dispatch (re-routing).
    case otherAgencyDispatch(String)
    /// The value is not one this action accepts (e.g. `no_reply` from an admin).
    case notAllowed(String)
    /// Only allowed together with another field's value (e.g. `duplicate_of` with `duplicate`).
    case onlyWith(String)
    case notATrackingId(String)
    /// A report cannot be a duplicate of itself.
    case selfReference
    /// The original of a duplicate does not exist (or is not the caller's to see).
    case noSuchReport(String)
}
