import LaporDomain

extension Catalogue {
    public func actionName(_ type: ActionType) -> String {
        switch type {
        case .verify: pick("verifikasi", "verify")
        case .hold: pick("tunda", "hold")
        case .archive: pick("arsipkan", "archive")
        case .dispatch: pick("disposisi", "dispatch")
        case .forward: pick("teruskan", "forward")
        case .return: pick("kembalikan (bukan wewenang)", "return (not our authority)")
        case .followup: pick("tindak lanjut", "follow-up")
        case .requestInfo: pick("minta informasi", "request information")
        case .close: pick("tutup", "close")
        }
    }

    public func roleName(_ role: Role) -> String {
        switch role {
        case .admin: "admin"
        case .liaison: pick("pejabat penghubung", "liaison officer")
        case .supervisor: pick("supervisor", "supervisor")
        }
    }

    /// The status as the user reads it: the contract's Indonesian label, or its English twin.
    public func statusName(_ status: ReportStatus) -> String {
        switch language {
        case .id: status.label()
        case .en:
            switch status {
            case .submitted: "Not yet verified"
            case .held: "On hold"
            case .verified: "Verified"
            case .dispatched: "Dispatched"
            case .infoRequested: "Waiting for the reporter"
            case .followedUp: "Followed up by the agency"
            case .replied: "Reporter replied"
            case .closed: "Closed"
            case .archived: "Archived"
            case .unknown: "Unknown status"
            }
        }
    }

    public func refusal(_ refusal: Refusal) -> String {
        switch refusal {
        case .readOnlyRole:
            return pick("Supervisor hanya dapat membaca; tindakan tidak tersedia.", "Supervisors can only read; no actions are available.")
        case .roleNotAllowed(let type, let role):
            return pick(
                "Tindakan \(actionName(type)) tidak tersedia untuk \(roleName(role)).",
                "The \(actionName(type)) action is not available to a \(roleName(role)).")
        case .outsideScope:
            return pick("Laporan ini tidak berada di unit Anda.", "This report is not in your units.")
        case .statusNotAllowed(let type, let status):
            return pick(
                "Tindakan \(actionName(type)) tidak dapat dilakukan pada laporan berstatus \(statusName(status)).",
                "The \(actionName(type)) action is not possible on a report that is \(statusName(status)).")
        case .invalid(let field, let problem):
            return fieldProblem(field, problem)
        }
    }

    public func fieldProblem(_ field: String, _ problem: FieldProblem) -> String {
        switch problem {
        case .required: return pick("\(field): wajib diisi.", "\(field): required.")
        case .empty: return pick("\(field): tidak boleh kosong.", "\(field): must not be empty.")
        case .tooLong(let max): return pick("\(field): paling banyak \(max) karakter.", "\(field): at most \(max) characters.")
        case .tooManyBytes(let max):
            return pick(
                "\(field): terlalu panjang, paling banyak \(max) byte (huruf beraksen dan emoji memakai beberapa byte); teks Anda tetap tersimpan.",
                "\(field): too long, at most \(max) bytes (accented letters and emoji take several); your text is kept.")
        case .controlCharacter:
            return pick(
                "\(field): berisi karakter kontrol (selain tab dan baris baru) yang tidak diperbolehkan.",
                "\(field): contains a control character (other than tab and newline), which is not allowed.")
        case .unknownUnit(let id): return pick("\(field): unit '\(id)' tidak dikenal.", "\(field): unknown unit '\(id)'.")
        case .unknownCategory(let id): return pick("\(field): kategori '\(id)' tidak dikenal.", "\(field): unknown category '\(id)'.")
        case .outsideSubtree(let id): return pick("\(field): unit '\(id)' di luar cakupan Anda.", "\(field): unit '\(id)' is outside your units.")
        case .sameUnit: return pick("\(field): laporan sudah berada di unit itu.", "\(field): the report is already with that unit.")
        case .otherAgency(let id):
            return pick(
                "\(field): '\(id)' berada di instansi lain; kembalikan laporan ke admin (bukan wewenang).",
                "\(field): '\(id)' belongs to another agency; return the report to the admin instead.")
        case .otherAgencyDispatch(let id):
            return pick(
                "\(field): '\(id)' berada di instansi lain; pindahkan laporan dengan disposisi (d) ke unit itu.",
                "\(field): '\(id)' belongs to another agency; move the report there with a dispatch (d).")
        case .notAllowed(let value): return pick("\(field): nilai '\(value)' tidak diperbolehkan.", "\(field): '\(value)' is not allowed.")
        case .onlyWith(let other): return pick("\(field): hanya bersama \(other).", "\(field): only together with \(other).")
        case .notATrackingId(let value):
            return pick("\(field): '\(value)' bukan nomor pelacakan LAPOR!.", "\(field): '\(value)' is not a LAPOR! tracking ID.")
        case .selfReference:
            return pick("\(field): laporan tidak dapat menjadi duplikat dirinya sendiri.", "\(field): a report cannot duplicate itself.")
        case .noSuchReport(let id):
            return pick(
                "\(field): laporan \(id) tidak ada (atau di luar cakupan Anda); periksa nomornya.",
                "\(field): report \(id) does not exist (or is outside your scope); check the number.")
        }
    }
}
