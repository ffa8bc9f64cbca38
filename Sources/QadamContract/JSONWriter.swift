/// Writes a `JSONValue` as compact canonical text: object keys sorted, integers (and doubles
/// that hold an integer below 2^53) without a fraction, other doubles in Swift's shortest
/// round-trip form, so equal values always give equal bytes. The wire (`JSONText.serialize`)
/// and the dataset's content hash (`JSONValue.canonicalText`) share it.
enum JSONWriter {
    /// What to do with NaN and infinities, which JSON cannot hold.
    enum NonFinite {
        /// Stop; `write` returns false (the wire: an error the caller reports with its path).
        case fail
        /// Write `null` (stored records: the validator has reported them already).
        case null
    }

    /// How integers of 2^53 and beyond are written.
    enum LargeIntegers {
        /// Exactly (the wire: ids and counts round-trip).
        case exact
        /// As the double they round to, the way the content hash has always seen them (record
        /// numbers used to be read as doubles), so stored datasets keep their hashes.
        case asDouble
    }

    /// Appends `value` to `out`; false when a non-finite number stopped it under `.fail`.
    static func write(_ value: JSONValue, to out: inout String, nonFinite: NonFinite,
                      largeIntegers: LargeIntegers = .exact) -> Bool {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i):
            out += largeIntegers == .asDouble && Double(i.magnitude) >= JSONValue.exactIntegerBound ? numberText(Double(i)) : String(i)
        case .double(let d):
            if d.isFinite {
                out += numberText(d)
            } else {
                guard nonFinite == .null else { return false }
                out += "null"
            }
        case .string(let s): writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                guard write(item, to: &out, nonFinite: nonFinite, largeIntegers: largeIntegers) else { return false }
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                guard write(members[key]!, to: &out, nonFinite: nonFinite, largeIntegers: largeIntegers) else { return false }
            }
            out += "}"
        }
        return true
    }

    /// `write` laid out for people: two-space indentation and `"key" : value`, the layout of
    /// Foundation's pretty printing that the CLI's `--format json` has always had (empty
    /// containers as `[]` and `{}`, and `/` never escaped, where Foundation's table output
    /// wrote `\/`). Non-finite numbers stop it, as under `.fail`.
    static func writePretty(_ value: JSONValue, to out: inout String, indent: Int = 0) -> Bool {
        let inner = String(repeating: " ", count: indent + 2)
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += i > 0 ? ",\n" + inner : inner
                guard writePretty(item, to: &out, indent: indent + 2) else { return false }
            }
            out += "\n" + String(repeating: " ", count: indent) + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, key) in members.keys.sorted().enumerated() {
                out += i > 0 ? ",\n" + inner : inner
                writeString(key, to: &out)
                out += " : "
                guard writePretty(members[key]!, to: &out, indent: indent + 2) else { return false }
            }
            out += "\n" + String(repeating: " ", count: indent) + "}"
        default:
            return write(value, to: &out, nonFinite: .fail)
        }
        return true
    }

    /// Where the first non-finite number is (`$.rows[3].lat`); searched only after a failed
    /// write, so the fast path builds no paths.
    static func firstNonFinitePath(in value: JSONValue, at path: String) -> String? {
        switch value {
        case .double(let d) where !d.isFinite: return path
        case .array(let items):
            for (i, item) in items.enumerated() {
                if let found = firstNonFinitePath(in: item, at: "\(path)[\(i)]") { return found }
            }
        case .object(let members):
            for key in members.keys.sorted() {
                if let found = firstNonFinitePath(in: members[key]!, at: "\(path).\(key)") { return found }
            }
        default: break
        }
        return nil
    }

    /// Integers up to 2^53 without a fraction; everything else in Swift's shortest round-trip form.
    static func numberText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < JSONValue.exactIntegerBound { return String(Int64(d)) }
        return d.description
    }

    /// `writeString` onto UTF-8 bytes (`JSONTextWriter`'s text).
    static func writeString(_ s: String, to out: inout [UInt8]) {
        guard needsEscape(s) else {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        var escaped = ""
        writeString(s, to: &escaped)
        out.append(contentsOf: escaped.utf8)
    }

    private static func needsEscape(_ s: String) -> Bool {
        func special(_ b: UInt8) -> Bool { b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") }
        // Over the contiguous bytes of a native string: faster than the generic walk over `utf8`.
        return s.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? s.utf8.contains(where: special)
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        // Most strings (ids, names, kinds) need no escape: append them whole.
        if !needsEscape(s) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
