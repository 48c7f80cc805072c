/// Substring search and replacement by UTF-8 bytes, for the module's own use.
///
/// With Foundation imported, `text.contains("月")` and `replacingOccurrences(of:with:)` resolve to
/// `NSString` methods, which on Linux bridge the whole string and search with
/// `CFStringFindWithOptionsAndLocale`: together ~8% of an engine turn. These concrete `String`
/// overloads rank above Foundation's generic ones, so every such call in `SupportCore` lands here.
/// They compare bytes exactly; the texts searched are normalised (NFC or NFKC) first, where that
/// agrees with Foundation's canonical comparison. As in Foundation, an empty needle is never found.
extension String {
    /// True when `other` occurs in the text.
    func contains(_ other: String) -> Bool { firstByteOffset(of: other, from: 0) != nil }

    /// The text with every non-overlapping occurrence of `target` (left to right) replaced.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard var match = firstByteOffset(of: target, from: 0) else { return self }
        let bytes = Array(utf8)
        let targetCount = target.utf8.count
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            result += bytes[copied..<match]
            result += replacement.utf8
            copied = match + targetCount
            guard let next = firstByteOffset(of: target, from: copied) else { break }
            match = next
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The byte offset of the first occurrence of `other` at or after `start`.
    func firstByteOffset(of other: String, from start: Int) -> Int? {
        var haystack = self
        return haystack.withUTF8 { firstOffset(of: other, in: $0, from: start) }
    }
}

extension Substring {
    /// True when `other` occurs in the text (see `String.contains(_:)` here).
    func contains(_ other: String) -> Bool {
        var haystack = self
        return haystack.withUTF8 { firstOffset(of: other, in: $0, from: 0) } != nil
    }
}

/// The offset of the first occurrence of `needle`'s bytes in `haystack` at or after `start`.
private func firstOffset(of needle: String, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var needle = needle
    return needle.withUTF8 { ByteSearch.firstOffset(of: $0, in: haystack, from: start, wholeWords: false) }
}

/// The one byte-wise substring search of the module: `String.contains` and
/// `replacingOccurrences` here, and `PhraseMatcher` (whole words) on top of it.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`. With
    /// `wholeWords`, an occurrence that begins (ends) with a word byte must not have one right
    /// before (after) it. An empty needle is never found.
    static func firstOffset(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0,
        wholeWords: Bool
    ) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        let length = needle.count
        let checksStart = wholeWords && isWordByte(first)
        let checksEnd = wholeWords && isWordByte(needle[length - 1])
        var position = start
        search: while position + length <= haystack.count {
            defer { position += 1 }
            guard haystack[position] == first else { continue }
            for offset in 1..<length where haystack[position + offset] != needle[offset] { continue search }
            if checksStart, position > 0, isWordByte(haystack[position - 1]) { continue }
            if checksEnd, position + length < haystack.count, isWordByte(haystack[position + length]) { continue }
            return position
        }
        return nil
    }

    /// An ASCII letter, digit or underscore (bytes of other scripts never are).
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }
}
