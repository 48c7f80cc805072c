/// An address or hash as apps and explorers display it, with its middle left out: `0x5290…9EE7`,
/// `TUoHa...uJM`, `0x88df****944b`. It cannot be validated or traced, and it is exactly what an
/// address-poisoning look-alike imitates, so the bot asks for the whole value and says why.
enum ShortenedIdentifier {
    /// The first shortened identifier in `text`, as written, or nil.
    static func first(in text: String) -> Substring? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard isIdentifierScalar(scalars[index]) else {
                index = scalars.index(after: index)
                continue
            }
            // A run of letters and digits, a gap marker, another run.
            let start = index
            let headEnd = endOfRun(in: scalars, from: index)
            let gapEnd = endOfGap(in: scalars, from: headEnd)
            let tailEnd = endOfRun(in: scalars, from: gapEnd)
            let head = scalars.distance(from: start, to: headEnd)
            let tail = scalars.distance(from: gapEnd, to: tailEnd)
            if gapEnd > headEnd, head >= minimumVisible, tail >= minimumVisible,
                looksEncoded(scalars[start..<headEnd]) || looksEncoded(scalars[gapEnd..<tailEnd])
            {
                return Substring(text.unicodeScalars[start..<tailEnd])
            }
            index = headEnd
        }
        return nil
    }

    /// Characters shown on each side of the gap: apps show 4–6, explorers up to 10.
    static let minimumVisible = 3

    /// Hex and Base58 show digits or capitals inside a run ("0x5290", "TUoHa"); words rarely do,
    /// so "wait...what" is not taken for an address.
    private static func looksEncoded(_ run: Substring.UnicodeScalarView) -> Bool {
        run.contains { ("0"..."9").contains($0) } || run.dropFirst().contains { ("A"..."Z").contains($0) }
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar))
    }

    private static func endOfRun(in scalars: String.UnicodeScalarView, from start: String.Index) -> String.Index {
        var index = start
        while index < scalars.endIndex, isIdentifierScalar(scalars[index]) { index = scalars.index(after: index) }
        return index
    }

    /// After a gap marker: `…` (or `⋯`) once, or at least two `.` or `*`. `start` when there is none.
    private static func endOfGap(in scalars: String.UnicodeScalarView, from start: String.Index) -> String.Index {
        guard start < scalars.endIndex else { return start }
        switch scalars[start] {
        case "…", "⋯":
            return scalars.index(after: start)
        case ".", "*":
            let mark = scalars[start]
            var index = start
            var count = 0
            while index < scalars.endIndex, scalars[index] == mark {
                count += 1
                index = scalars.index(after: index)
            }
            return count >= 2 ? index : start
        default:
            return start
        }
    }
}
