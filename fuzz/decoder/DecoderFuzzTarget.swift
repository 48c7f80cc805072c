import NIOCore
import NIOEmbedded

/// libFuzzer entry point: `LineFrameDecoder`, inside NIO's `ByteToMessageHandler` on an
/// `EmbeddedChannel`, against a one-line reference model. The first input byte picks the line limit
/// (1…64) and the second how the rest is cut into reads; the frames the decoder emits, including the
/// last unterminated line at end of stream, must equal the model's whatever the cut.
@_cdecl("LLVMFuzzerTestOneInput")
public func decoderFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard bytes.count >= 2 else { return 0 }
    DecoderFuzzTarget.run(limit: Int(bytes[0] % 64) + 1, cut: bytes[1], stream: Array(bytes[2...]))
    return 0
}

enum DecoderFuzzTarget {
    static func run(limit: Int, cut: UInt8, stream: [UInt8]) {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(limit: limit)))
        var frames: [LineFrame] = []
        func drain() {
            while let frame = try! channel.readInbound(as: LineFrame.self) { frames.append(frame) }
        }
        // Reads of 1…16 bytes in a pattern seeded by `cut` (0: the whole stream at once).
        var offset = 0
        var seed = UInt32(cut)
        while offset < stream.count {
            seed = seed &* 1_103_515_245 &+ 12_345
            let length = cut == 0 ? stream.count : Int(seed >> 16) % 16 + 1
            let end = min(stream.count, offset + length)
            try! channel.writeInbound(ByteBuffer(bytes: stream[offset..<end]))
            drain()
            offset = end
        }
        _ = try! channel.finish(acceptAlreadyClosed: true)
        drain()
        let expected = model(stream, limit: limit)
        precondition(
            frames == expected,
            "limit \(limit), cut \(cut): decoder gave \(frames), model \(expected) for \(stream)")
    }

    /// What protocol v1 says the frames are: each `\n`-terminated line and a non-empty last line
    /// without `\n`, a trailing `\r` removed; longer than `limit` is `.tooLong`, else invalid UTF-8
    /// is `.invalidUTF8`.
    static func model(_ stream: [UInt8], limit: Int) -> [LineFrame] {
        var lines = stream.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { line in
            let body = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard body.count <= limit else { return .tooLong }
            guard let text = String(validating: body, as: UTF8.self) else { return .invalidUTF8 }
            return .line(text)
        }
    }
}
