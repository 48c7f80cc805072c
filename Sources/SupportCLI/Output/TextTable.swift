import Foundation

/// Rows of text printed as columns: aligned for a person at a terminal (wide CJK characters count
/// as two columns), tab-separated for a pipe.
struct TextTable: Sendable, Hashable {
    var header: [String]
    var rows: [[String]]

    /// The table as text, one line per row, header first, each line ending in `\n`.
    /// - Parameter aligned: pad columns with spaces (terminal); otherwise separate them with tabs.
    func rendered(aligned: Bool) -> String {
        let lines = [header] + rows.map { row in row.map(Self.singleLine) }
        guard aligned else { return lines.map { $0.joined(separator: "\t") + "\n" }.joined() }
        var widths = Array(repeating: 0, count: header.count)
        for line in lines {
            for (index, cell) in line.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.displayWidth(cell))
            }
        }
        return lines.map { line in
            var text = ""
            for (index, cell) in line.enumerated() {
                text += cell
                if index < line.count - 1 {
                    text += String(repeating: " ", count: widths[index] - Self.displayWidth(cell) + 2)
                }
            }
            return text + "\n"
        }.joined()
    }

    /// Tabs and line breaks would break the columns.
    static func singleLine(_ cell: String) -> String {
        cell.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    /// Columns `text` takes on a terminal: East Asian wide and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in width + (isWide(scalar) ? 2 : (isZeroWidth(scalar) ? 0 : 1)) }
    }

    /// `text` cut to at most `limit` terminal columns, with `…` when shortened.
    static func truncated(_ text: String, toWidth limit: Int) -> String {
        guard displayWidth(text) > limit else { return text }
        var result = ""
        var width = 0
        for character in text {
            let characterWidth = displayWidth(String(character))
            if width + characterWidth > limit - 1 { break }
            result.append(character)
            width += characterWidth
        }
        return result + "…"
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            || scalar.value == 0x200B || (0xFE00...0xFE0F).contains(scalar.value)
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
