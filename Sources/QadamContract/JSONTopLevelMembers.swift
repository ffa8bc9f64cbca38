extension JSONText {
    /// True when the JSON object text `bytes` (well formed, as Qadam's writers give it) has a
    /// member `name` at its top level; members of nested objects and string contents do not
    /// count. `name` must need no escaping. One pass, no tree: the registry asks this of every
    /// answer before it adds `snapshot`.
    public static func hasTopLevelMember(_ name: String, in bytes: [UInt8]) -> Bool {
        let key = Array("\"\(name)\"".utf8)
        var depth = 0
        var inString = false
        var nextStringIsKey = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                if byte == UInt8(ascii: "\\") { i += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
                nextStringIsKey = depth == 1
            case UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                nextStringIsKey = depth == 1
            case UInt8(ascii: "\""):
                if nextStringIsKey, bytes.count - i > key.count, bytes[i..<(i + key.count)].elementsEqual(key) {
                    var after = i + key.count
                    while after < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[after]) {
                        after += 1
                    }
                    if after < bytes.count, bytes[after] == UInt8(ascii: ":") { return true }
                }
                nextStringIsKey = false
                inString = true
            default:
                break
            }
            i += 1
        }
        return false
    }
}
