/// The small subset of TOML that `config.toml` uses: comments, `key = value` with strings,
/// integers, booleans and arrays of strings, and `[table.name]` headers.
///
/// Hand-written, and kept so on purpose: `config.toml` is a few keys lapor writes itself, and this
/// reader refuses anything outside the subset with its line number. LebJe/TOMLKit 0.6.0 is on the
/// mirror and builds (an earlier note here said it did not: that was wrong); it wraps the C++
/// toml++ library, which would be a C++ target in every build for a file of a dozen lines.
enum TOMLLite {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case strings([String])
    }

    struct ParseError: Error, Equatable {
        var line: Int
        var problem: String
    }

    /// Tables by name ("" for the top level), each a key → value map.
    static func parse(_ text: String) throws(ParseError) -> [String: [String: Value]] {
        var tables: [String: [String: Value]] = ["": [:]]
        var current = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let n = index + 1
            let line = stripComment(String(raw)).trimmingSpaces
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else { throw ParseError(line: n, problem: "bad table header") }
                let name = String(line.dropFirst().dropLast()).trimmingSpaces
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
                    throw ParseError(line: n, problem: "bad table name")
                }
                guard tables[name] == nil else { throw ParseError(line: n, problem: "table [\(name)] defined twice") }
                tables[name] = [:]
                current = name
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw ParseError(line: n, problem: "expected key = value") }
            let key = String(line[..<eq]).trimmingSpaces
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || "_-".contains($0) }) else {
                throw ParseError(line: n, problem: "bad key")
            }
            guard tables[current]![key] == nil else { throw ParseError(line: n, problem: "key \(key) set twice") }
            tables[current]![key] = try value(String(line[line.index(after: eq)...]).trimmingSpaces, line: n)
        }
        return tables
    }

    static func value(_ text: String, line: Int) throws(ParseError) -> Value {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let n = Int(text.replacingOccurrences(of: "_", with: "")) { return .integer(n) }
        if text.hasPrefix("\"") {
            var rest = Substring(text)
            let s = try string(&rest, line: line)
            guard rest.trimmingSpaces.isEmpty else { throw ParseError(line: line, problem: "text after the string") }
            return .string(s)
        }
        if text.hasPrefix("[") && text.hasSuffix("]") {
            var rest = Substring(text.dropFirst().dropLast())
            var items: [String] = []
            while true {
                rest = Substring(rest.trimmingSpaces)
                if rest.isEmpty { break }
                guard rest.hasPrefix("\"") else { throw ParseError(line: line, problem: "arrays hold strings only") }
                items.append(try string(&rest, line: line))
                rest = Substring(rest.trimmingSpaces)
                if rest.hasPrefix(",") { rest = rest.dropFirst() } else if !rest.isEmpty { throw ParseError(line: line, problem: "expected ,") }
            }
            return .strings(items)
        }
        throw ParseError(line: line, problem: "unsupported value \(text.prefix(30))")
    }

    /// Reads a basic string at the start of `text` and drops it from `text`.
    static func string(_ text: inout Substring, line: Int) throws(ParseError) -> String {
        var out = ""
        var i = text.index(after: text.startIndex)
        while i < text.endIndex {
            let c = text[i]
            if c == "\"" {
                text = text[text.index(after: i)...]
                return out
            }
            if c == "\\" {
                i = text.index(after: i)
                guard i < text.endIndex else { break }
                switch text[i] {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "u":
                    let hex = text[text.index(after: i)...].prefix(4)
                    guard hex.count == 4, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw ParseError(line: line, problem: "bad \\u escape")
                    }
                    out.unicodeScalars.append(scalar)
                    i = text.index(i, offsetBy: 4)
                default: throw ParseError(line: line, problem: "unsupported escape")
                }
            } else {
                out.append(c)
            }
            i = text.index(after: i)
        }
        throw ParseError(line: line, problem: "unterminated string")
    }

    static func stripComment(_ line: String) -> String {
        var inString = false
        var escaped = false
        for (i, c) in zip(line.indices, line) {
            if escaped {
                escaped = false
                continue
            }
            if c == "\\" && inString {
                escaped = true
            } else if c == "\"" {
                inString.toggle()
            } else if c == "#" && !inString {
                return String(line[..<i])
            }
        }
        return line
    }

    /// A value written back as TOML.
    static func render(_ value: Value) -> String {
        switch value {
        case .string(let s): quote(s)
        case .integer(let n): String(n)
        case .bool(let b): b ? "true" : "false"
        case .strings(let list): "[" + list.map(quote).joined(separator: ", ") + "]"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
