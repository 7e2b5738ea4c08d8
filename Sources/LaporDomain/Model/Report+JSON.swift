/// A report's contract JSON written by hand: the object `JSONEncoder` writes, with its keys in the
/// contract's order (issue 24: `JSONEncoder` was a tenth of a 200,000-row import). Only for the
/// reports an import makes (no timeline, no attachments, no coordinates); nil for any other,
/// which `JSONEncoder` writes.
extension Report {
    public var importedJSON: String? {
        guard timeline.isEmpty, attachments.isEmpty, location?.lat == nil, location?.lon == nil else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(512 + title.utf8.count + body.utf8.count)
        func key(_ name: StaticString) {
            out.append(out.count == 0 ? 0x7B : 0x2C)
            out.append(0x22)
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [0x22, 0x3A])
        }
        func string(_ text: String?) {
            guard let text else { return out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
            JSONText.append(text, to: &out)
        }
        func number(_ n: Int?) {
            guard let n else { return out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
            out.append(contentsOf: String(n).utf8)
        }
        key("id")
        string(id)
        key("version")
        number(version)
        key("kind")
        string(kind.rawValue)
        key("channel")
        string(channel.rawValue)
        key("title")
        string(title)
        key("body")
        string(body)
        key("category_id")
        string(categoryId)
        key("location")
        if let location {
            out.append(contentsOf: Array(#"{"text":"#.utf8))
            string(location.text)
            out.append(0x7D)
        } else {
            string(nil)
        }
        key("privacy")
        string(privacy.rawValue)
        key("reporter")
        if let reporter {
            out.append(contentsOf: Array(#"{"name":"#.utf8))
            string(reporter.name)
            if let contact = reporter.contact {
                out.append(contentsOf: Array(#","contact":"#.utf8))
                string(contact)
            }
            out.append(0x7D)
        } else {
            string(nil)
        }
        key("status")
        string(status.rawValue)
        key("status_label")
        string(statusLabel)
        key("unit_id")
        string(unitId)
        key("archive_reason")
        string(archiveReason?.rawValue)
        key("duplicate_of")
        string(duplicateOf)
        key("submitted_at")
        string(submittedAt.rfc3339)
        key("updated_at")
        string(updatedAt.rfc3339)
        key("due_at")
        string(dueAt?.rfc3339)
        key("due_provisional")
        out.append(contentsOf: Array((dueProvisional ?? false ? "true" : "false").utf8))
        key("escalates_at")
        string(escalatesAt?.rfc3339)
        key("escalation_warning_at")
        string(escalationWarningAt?.rfc3339)
        key("attachments")
        out.append(contentsOf: [0x5B, 0x5D])
        key("timeline")
        out.append(contentsOf: [0x5B, 0x5D])
        key("rating")
        number(rating)
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }
}

/// JSON strings as `JSONEncoder` writes them: `"` and `\` escaped, `/` as `\/`, the control
/// characters as `\b \f \n \r \t` or `\u00XX`, everything else as its UTF-8. Not `encoderStyle`:
/// only what JSON requires (`/` as itself, `\b` and `\f` as `\u00XX`), the form imported cells
/// are stored and compared in.
public enum JSONText {
    public static func append(_ text: String, to out: inout [UInt8], encoderStyle: Bool = true) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x2F where encoderStyle: out.append(contentsOf: [0x5C, 0x2F])
            case 0x08 where encoderStyle: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C where encoderStyle: out.append(contentsOf: [0x5C, 0x66])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
