/// `e^x` for eight values at once, for the softmax that turns scores into confidences.
///
/// `expf` one label at a time was a quarter of the instructions of `classify`. This writes
/// `x = n·ln 2 + f` with an integer `n` and `|f| ≤ ln 2 / 2`, takes `e^f` from its Taylor polynomial
/// of degree 7 (truncation error below 10^-8 relative) and builds `2^n` from the exponent bits; a
/// test holds it within 5·10^-7 of `exp`. Inputs below -87 give `e^-87` (about 1.6·10^-38) instead
/// of underflowing.
enum SoftmaxExp {
    typealias Lanes = SIMD8<Float>
    private static let magic = Lanes(repeating: 12_582_912)  // 1.5 · 2^23
    private static let magicBits = SIMD8<Int32>(repeating: 0x4B40_0000)  // its bit pattern

    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        let clamped = x.replacing(with: -87, where: x .< -87).replacing(with: 88, where: x .> 88)
        let t = clamped * 1.442_695_04  // log2(e)
        // Adding 1.5·2^23 rounds t to the nearest integer and leaves that integer in the low bits
        // of the sum (the generic SIMD rounding and Float→Int32 conversions are slow per lane).
        let shifted = t + magic
        let n = shifted - magic
        // f = x − n·ln 2 in [-0.35, 0.35], with ln 2 in two parts (Cody–Waite) so no precision is lost.
        let f = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
        // e^f = Σ f^k / k!, k ≤ 7, by Horner.
        var p = Lanes(repeating: 1.0 / 5040)
        p = p * f + 1.0 / 720
        p = p * f + 1.0 / 120
        p = p * f + 1.0 / 24
        p = p * f + 1.0 / 6
        p = p * f + 0.5
        p = p * f + 1
        p = p * f + 1
        let exponent = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- magicBits &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: Lanes.self)
    }

    /// `Σ e^(scale·(scores[i] − top))` over all of `scores`.
    @inline(__always)
    static func sum(_ scores: UnsafeMutableBufferPointer<Float>, top: Float, scale: Float) -> Float {
        var total = Lanes()
        var index = 0
        let raw = UnsafeRawPointer(scores.baseAddress!)
        while index + Lanes.scalarCount <= scores.count {
            let chunk = raw.loadUnaligned(fromByteOffset: index * MemoryLayout<Float>.stride, as: Lanes.self)
            total += exp((chunk - top) * scale)
            index += Lanes.scalarCount
        }
        if index < scores.count {
            var tail = Lanes(repeating: -.infinity)
            for lane in 0..<(scores.count - index) { tail[lane] = (scores[index + lane] - top) * scale }
            let values = exp(tail)
            for lane in 0..<(scores.count - index) { total[lane] += values[lane] }
        }
        return total.sum()
    }
}
