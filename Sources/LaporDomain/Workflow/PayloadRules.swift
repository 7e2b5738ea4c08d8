/// The payload checks of each action type (contract: the `payload` column).
struct PayloadRules {
    let units: UnitTree
    let categories: CategoryTree?

    func check(_ request: ActionRequest, by user: User, on report: Report) -> Refusal? {
        if let text = request.text, let problem = TextRules.problem(in: text, kind: .body) {
            // An empty text is refused below only for the actions that need one.
            if problem != .empty { return .invalid(field: "text", problem: problem) }
        }
        if ActionRule.rule(for: request.type).carriesText { return requireText(request.text) }
        switch request.type {
        case .hold, .return, .followup, .requestInfo:
            return nil
        case .verify:
            if let title = request.title, let problem = TextRules.problem(in: title, kind: .title) {
                return .invalid(field: "title", problem: problem)
            }
            if let id = request.categoryId, let categories, categories[id] == nil {
                return .invalid(field: "category_id", problem: .unknownCategory(id))
            }
            return nil
        case .archive:
            guard let reason = request.reason else { return .invalid(field: "reason", problem: .required) }
            guard ArchiveReason.adminReasons.contains(reason) else { return .invalid(field: "reason", problem: .notAllowed(reason.rawValue)) }
            if reason == .duplicate {
                guard let original = request.duplicateOf else { return .invalid(field: "duplicate_of", problem: .required) }
                guard Report.isValidTrackingID(original) else { return .invalid(field: "duplicate_of", problem: .notATrackingId(original)) }
                guard original != report.id else { return .invalid(field: "duplicate_of", problem: .selfReference) }
            } else if request.duplicateOf != nil {
                return .invalid(field: "duplicate_of", problem: .onlyWith("reason=duplicate"))
            }
            return nil
        case .dispatch:
            guard let target = request.unitId else { return .invalid(field: "unit_id", problem: .required) }
            guard units.contains(target) else { return .invalid(field: "unit_id", problem: .unknownUnit(target)) }
            if let root = user.unitId, !units.isInSubtree(target, of: root) {
                return .invalid(field: "unit_id", problem: .outsideSubtree(target))
            }
            // Re-routing (from dispatched or replied): somewhere else than where it is.
            if report.status == .dispatched || report.status == .replied, target == report.unitId {
                return .invalid(field: "unit_id", problem: .sameUnit)
            }
            return nil
        case .forward:
            guard let target = request.unitId else { return .invalid(field: "unit_id", problem: .required) }
            guard units.contains(target) else { return .invalid(field: "unit_id", problem: .unknownUnit(target)) }
            if let root = user.unitId, !units.isInSubtree(target, of: root) {
                return .invalid(field: "unit_id", problem: .outsideSubtree(target))
            }
            guard target != report.unitId else { return .invalid(field: "unit_id", problem: .sameUnit) }
            if let current = report.unitId, units.agency(of: current)?.id != units.agency(of: target)?.id {
                // A liaison returns it to the admins; an admin re-routes it with a dispatch.
                return .invalid(field: "unit_id", problem: user.role == .admin ? .otherAgencyDispatch(target) : .otherAgency(target))
            }
            return nil
        case .close:
            return nil
        }
    }

    private func requireText(_ text: String?) -> Refusal? {
        guard let text else { return .invalid(field: "text", problem: .required) }
        guard !text.trimmingWhitespace.isEmpty else { return .invalid(field: "text", problem: .empty) }
        return nil
    }
}
