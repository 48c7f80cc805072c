/// Reads the common request line, a JSON object whose members are all strings or `null`, without
/// `JSONDecoder` (which cost ~15 µs a line, 5% of the server's time per message).
///
/// Anything else (nested values, numbers, booleans, duplicate names, lone surrogates, bad syntax)
/// gives nil, and the caller falls back to `JSONDecoder`, which also words the errors. So this
/// only has to be right about what it accepts; tests hold it equal to the decoder there.
enum FlatJSONObject {
    /// The members of `line`, or nil when the line is not such an object.
    static func members(of line: String) -> [String: String?]? {
        var line = line
        return line.withUTF8 { bytes -> [String: String?]? in
            var reader = Reader(bytes: bytes)
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func object() -> [String: String?]? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var members: [String: String?] = [:]
            skipSpace()
            if take(UInt8(ascii: "}")) { return finished(members) }
            while true {
                skipSpace()
                guard let name = string() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                let value: String?
                if let text = string() {
                    value = text
                } else if literal("null") {
                    value = nil
                } else {
                    return nil
                }
                guard members.updateValue(value, forKey: name) == nil else { return nil }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return nil }
                return finished(members)
            }
        }

        /// `members`, when nothing but white space follows the object.
        private mutating func finished(_ members: [String: String?]) -> [String: String?]? {
            skipSpace()
            return position == bytes.count ? members : nil
        }

        /// A JSON string at the current position, unescaped.
        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var result: [UInt8] = []
            var copied = position
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    result += bytes[copied..<position]
                    position += 1
                    return String(decoding: result, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    result += bytes[copied..<position]
                    position += 1
                    guard position < bytes.count, let scalar = escaped() else { return nil }
                    result += Array(String(scalar).utf8)
                    copied = position
                case 0..<0x20:
                    return nil
                default:
                    position += 1
                }
            }
            return nil
        }

        /// The scalar of the escape after a backslash.
        private mutating func escaped() -> Unicode.Scalar? {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{8}"
            case UInt8(ascii: "f"): return "\u{C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                guard let unit = hexUnit() else { return nil }
                if (0xD800..<0xDC00).contains(unit) {
                    guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hexUnit(),
                        (0xDC00..<0xE000).contains(low)
                    else { return nil }
                    return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                }
                return Unicode.Scalar(unit)
            default: return nil
            }
        }

        private mutating func hexUnit() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var unit: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                unit = unit << 4 | UInt32(digit)
                position += 1
            }
            return unit
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
            position += count
            return true
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        private mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
                default: return
                }
            }
        }
    }
}
