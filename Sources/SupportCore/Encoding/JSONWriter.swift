/// Writes compact JSON as UTF-8, value by value, with object members in the order given.
///
/// For the per-message encodings (protocol replies, saved sessions), where `JSONEncoder` built a
/// tree of boxed values first and cost tens of microseconds. Strings escape `"`, `\`, control
/// characters and U+2028/U+2029 (which end a line in JavaScript); everything else, CJK and `/`
/// included, is written as is. The caller keeps objects and arrays balanced.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// A value or member was written at this level, so the next one needs a comma first.
    private var needsComma = false

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// The JSON written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The name of the next member of the current object.
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { source in
            var copied = 0
            var position = 0
            while position < source.count {
                let byte = source[position]
                // Most bytes are written as they are: skip them without a look at the table below.
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                    position += 1
                    continue
                }
                let escape: String?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                case 0xE2 where position + 2 < source.count && source[position + 1] == 0x80
                    && (source[position + 2] == 0xA8 || source[position + 2] == 0xA9):
                    escape = source[position + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: escape = nil
                }
                if let escape {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<position]))
                    bytes.append(contentsOf: escape.utf8)
                    copied = position + width
                }
                position += width
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `value`, or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A member with a string value; with `omittingNil`, a nil value writes no member at all
    /// (as `Codable`'s `encodeIfPresent`), else it writes `null`.
    public mutating func member(_ name: String, _ value: String?, omittingNil: Bool = false) {
        if value == nil, omittingNil { return }
        key(name)
        string(value)
    }

    public mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func member(_ name: String, _ value: Int) {
        key(name)
        number(value)
    }

    public mutating func number(_ value: Int) { raw(String(value)) }

    /// A number as Swift prints it (shortest round-tripping form); non-finite values become 0.
    public mutating func number(_ value: Double) { raw(value.isFinite ? "\(value)" : "0") }

    public mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    public mutating func null() { raw("null") }

    private mutating func raw(_ token: String) {
        separate()
        bytes.append(contentsOf: token.utf8)
        needsComma = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
