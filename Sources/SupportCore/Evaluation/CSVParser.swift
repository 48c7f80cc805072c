/// An RFC 4180 CSV reader: comma-separated fields, `"`-quoted fields that may hold commas, line
/// breaks and doubled quotes (`""`), records ended by LF or CRLF. Works on UTF-8 bytes.
public enum CSVParser {
    /// Every record of `text` as an array of fields. A final line break is optional; blank lines
    /// between records are skipped.
    /// - Throws: `CSVError` for an unterminated quoted field or text after a closing quote.
    public static func records(in text: String) throws -> [[String]] {
        var copy = text
        return try copy.withUTF8 { bytes in try records(in: bytes) }
    }

    /// Every record of a UTF-8 buffer; see `records(in:)` for `String`.
    public static func records(in bytes: UnsafeBufferPointer<UInt8>) throws -> [[String]] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var line = 1
        var position = 0
        let count = bytes.count
        var fieldStarted = false

        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRecord() {
            if record.count == 1 && record[0].isEmpty {
                record.removeAll()  // blank line
                return
            }
            records.append(record)
            record = []
        }

        while position < count {
            let byte = bytes[position]
            if byte == quote && !fieldStarted && field.isEmpty {
                // Quoted field.
                let openedOn = line
                position += 1
                var closed = false
                while position < count {
                    let inner = bytes[position]
                    if inner == quote {
                        if position + 1 < count && bytes[position + 1] == quote {
                            field.append(quote)
                            position += 2
                            continue
                        }
                        closed = true
                        position += 1
                        break
                    }
                    if inner == newline { line += 1 }
                    field.append(inner)
                    position += 1
                }
                guard closed else {
                    throw CSVError(line: openedOn, message: "a quoted field is never closed; add the missing '\"'")
                }
                fieldStarted = true
                if position < count {
                    let next = bytes[position]
                    let endsLine =
                        next == newline
                        || (next == carriageReturn && (position + 1 == count || bytes[position + 1] == newline))
                    guard next == comma || endsLine else {
                        throw CSVError(
                            line: line,
                            message: "unexpected text after a closing quote; quote the whole field and double inner quotes")
                    }
                }
                continue
            }
            switch byte {
            case comma:
                endField()
                position += 1
            case newline:
                endField()
                endRecord()
                line += 1
                position += 1
            case carriageReturn where position + 1 < count && bytes[position + 1] == newline:
                position += 1  // the LF ends the record
            case carriageReturn where position + 1 == count:
                position += 1
            case quote:
                throw CSVError(line: line, message: "a '\"' inside an unquoted field; quote the field and double the quote")
            default:
                field.append(byte)
                fieldStarted = true
                position += 1
            }
        }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            endField()
            endRecord()
        }
        return records
    }
}
