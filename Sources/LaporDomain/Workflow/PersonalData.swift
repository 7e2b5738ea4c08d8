import Foundation

/// Personal data in a text (issue 16): Indonesian phone numbers, NIK, e-mail addresses, and the
/// reporter's own name and contact. Pure and bounded: one pass over the text, no regular
/// expressions, so that a 20,000-character follow-up is checked as it is typed.
public enum PersonalData {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case phone, nik, email
        /// The reporter's name, as the store has it.
        case reporterName = "reporter_name"
        /// The reporter's contact (a phone or an e-mail), as the store has it.
        case reporterContact = "reporter_contact"
    }

    public struct Match: Hashable, Sendable {
        public var kind: Kind
        /// Where it is in the text.
        public var range: Range<String.Index>
        /// The text matched, as written.
        public var text: String
    }

    /// Every match in `text`, in order of position. A phone or e-mail that is the reporter's own
    /// contact is reported as `reporterContact`.
    public static func find(in text: String, reporter: Report.Reporter? = nil) -> [Match] {
        var out: [Match] = []
        let contact = reporter?.contact.map(contactKey)
        for candidate in numberCandidates(in: text) {
            guard let kind = classify(candidate.digits, plus: candidate.plus, separated: candidate.separated) else { continue }
            let isOwn = contact != nil && kind == .phone && phoneKey(candidate.digits) == contact
            out.append(Match(kind: isOwn ? .reporterContact : kind, range: candidate.range, text: String(text[candidate.range])))
        }
        for range in emailRanges(in: text) {
            let found = String(text[range])
            out.append(Match(kind: contact == contactKey(found) ? .reporterContact : .email, range: range, text: found))
        }
        if let name = reporter?.name, let range = wordRange(of: name, in: text) {
            out.append(Match(kind: .reporterName, range: range, text: String(text[range])))
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: Numbers

    struct NumberCandidate {
        var range: Range<String.Index>
        var digits: String
        var plus: Bool
        /// Written with a space, dash, dot or parenthesis between its digits.
        var separated: Bool
    }

    /// Runs of digits joined by single separators (space, `-`, `.`, `(`, `)`), maybe after `+`,
    /// not glued to letters or to more digits (`hp:0857…/WA` is a number; `RT05` is not).
    static func numberCandidates(in text: String) -> [NumberCandidate] {
        var out: [NumberCandidate] = []
        let chars = Array(text.indices)
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        func isSeparator(_ c: Character) -> Bool { c == " " || c == "-" || c == "." || c == "(" || c == ")" }
        while i < chars.count {
            let c = text[chars[i]]
            let startsHere =
                isDigit(c) || (c == "+" && i + 1 < chars.count && isDigit(text[chars[i + 1]]))
                || (c == "(" && i + 1 < chars.count && isDigit(text[chars[i + 1]]))
            // Glued to a letter or a digit before: part of a word or a longer number.
            let before = i > 0 ? text[chars[i - 1]] : " "
            guard startsHere, !(before.isLetter || isDigit(before) || before == "/" || before == "_") else {
                i += 1
                continue
            }
            var j = i
            var digits = ""
            var separated = false
            var lastDigit = i
            let plus = c == "+"
            if plus || c == "(" { j += 1 }
            while j < chars.count {
                let d = text[chars[j]]
                if isDigit(d) {
                    digits.append(d)
                    lastDigit = j
                    j += 1
                } else if isSeparator(d), j + 1 < chars.count, isDigit(text[chars[j + 1]]) || (d == ")" && text[chars[j + 1]] == " ") {
                    separated = true
                    j += 1
                    // `) ` then digits: one separator run.
                    if d == ")", j < chars.count, text[chars[j]] == " ", j + 1 < chars.count, isDigit(text[chars[j + 1]]) { j += 1 }
                } else {
                    break
                }
                if digits.count > 20 { break }
            }
            let after = lastDigit + 1 < chars.count ? text[chars[lastDigit + 1]] : " "
            if !digits.isEmpty, !(after.isLetter || after == "_" || after == "@") {
                out.append(NumberCandidate(range: chars[i]..<text.index(after: chars[lastDigit]), digits: digits, plus: plus, separated: separated))
            }
            i = max(lastDigit + 1, i + 1)
        }
        return out
    }

    /// What a run of digits is: a phone number, a NIK, or nothing personal.
    static func classify(_ digits: String, plus: Bool, separated: Bool) -> Kind? {
        let d = Array(digits.utf8).map { Int($0) - 48 }
        if !plus, d.count == 16, isPlausibleNIK(d) { return .nik }
        // The national number after +62, 62 or 0.
        var rest: ArraySlice<Int>
        if d.starts(with: [6, 2]), plus || d.count >= 11 {
            rest = d.dropFirst(2)
            if rest.first == 0 { rest = rest.dropFirst() }
        } else if !plus, d.first == 0 {
            rest = d.dropFirst()
        } else {
            return nil
        }
        guard let first = rest.first else { return nil }
        // Mobiles: 8xx and 8 to 11 more digits. Landlines (area 2x–7x): only when written as a
        // number is written (a separator or brackets), 8 to 10 digits, so that a bare run of digits
        // such as an amount or a date is not taken for one.
        if first == 8, (9...12).contains(rest.count) { return .phone }
        if (2...7).contains(first), (8...10).contains(rest.count), separated || plus { return .phone }
        return nil
    }

    /// A NIK: 16 digits; the province code of the first two (11–19, 21, 31–36, 51–53, 61–65,
    /// 71–76, 81–82, 91–97), a birth date DDMMYY (a woman's day plus 40), a serial not 0000.
    static func isPlausibleNIK(_ d: [Int]) -> Bool {
        let province = d[0] * 10 + d[1]
        let provinces: Set<Int> = [
            11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92,
            93, 94, 95, 96, 97,
        ]
        guard provinces.contains(province) else { return false }
        var day = d[6] * 10 + d[7]
        if day > 40 { day -= 40 }
        let month = d[8] * 10 + d[9]
        let serial = d[12] * 1000 + d[13] * 100 + d[14] * 10 + d[15]
        return (1...31).contains(day) && (1...12).contains(month) && serial != 0
    }

    /// A phone number's key: its national number without 0/62/+62.
    static func phoneKey(_ digits: String) -> String {
        var d = Substring(digits)
        if d.hasPrefix("62") { d = d.dropFirst(2) }
        while d.hasPrefix("0") { d = d.dropFirst() }
        return String(d)
    }

    /// A stored contact's key: an e-mail in lower case, else a phone's national number.
    static func contactKey(_ contact: String) -> String {
        if contact.contains("@") { return contact.trimmingWhitespace.lowercased() }
        return phoneKey(String(contact.filter { $0.isASCII && $0.isNumber }))
    }

    // MARK: E-mail

    /// `local@domain.tld`: letters, digits and `._%+-` before the `@`, a dotted domain after.
    static func emailRanges(in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        func local(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "._%+-".contains(c)) }
        func domain(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == ".") }
        var at = text.firstIndex(of: "@")
        while let a = at {
            var start = a
            while start > text.startIndex, local(text[text.index(before: start)]) { start = text.index(before: start) }
            var end = text.index(after: a)
            while end < text.endIndex, domain(text[end]) { end = text.index(after: end) }
            // No trailing dot: "tulis ke budi@mail.com." ends before it.
            while end > a, text[text.index(before: end)] == "." { end = text.index(before: end) }
            let host = text[text.index(after: a)..<end]
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            if start < a, labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) {
                out.append(start..<end)
            }
            at = end < text.endIndex ? text[end...].firstIndex(of: "@") : nil
            if at == a { at = nil }
        }
        return out
    }

    // MARK: Names

    /// The reporter's name as whole words, ignoring case and diacritics (at least 3 letters).
    static func wordRange(of name: String, in text: String) -> Range<String.Index>? {
        let wanted = name.trimmingWhitespace
        guard wanted.count >= 3 else { return nil }
        var from = text.startIndex
        while let found = text.range(of: wanted, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : " "
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : " "
            if !before.isLetter, !after.isLetter { return found }
            from = text.index(after: found.lowerBound)
        }
        return nil
    }
}

extension PersonalData {
    /// The rule for outgoing text (a follow-up, a request for information, a hold, a return):
    /// of a report that hides its reporter (anonim, rahasia), any personal data found is returned
    /// for a second confirmation (the TUI) or a refusal without `--allow-personal-data` (`lapor
    /// act`); of a public report, none.
    public static func inOutgoingText(_ text: String, of report: Report) -> [Match] {
        guard report.privacy.hidesReporter else { return [] }
        return find(in: text, reporter: report.reporter)
    }

    /// The same rule for one text sent to several reports (marked in the TUI), of which only the
    /// privacy is known: personal data (phones, NIK, e-mail) when any of them hides its reporter.
    public static func inOutgoingText(_ text: String, toReportsOf privacies: [Privacy]) -> [Match] {
        guard privacies.contains(where: \.hidesReporter) else { return [] }
        return find(in: text)
    }

    /// The rule for verifying: a public report whose title or body holds a phone number, a NIK
    /// or an e-mail address is offered to be made rahasia (its content then stays off the public
    /// pages) before it is verified. The matches, from the title and the body.
    public static func inPublicReport(_ report: Report) -> [Match] {
        guard report.privacy == .public else { return [] }
        return find(in: report.title) + find(in: report.body)
    }
}
