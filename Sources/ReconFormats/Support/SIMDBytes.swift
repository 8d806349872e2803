extension SIMD16 where Scalar == UInt8 {
    /// The sixteen bytes at `pointer`, aligned or not: for the writers' scans that pass over plain
    /// text sixteen bytes at a time.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> Self {
        UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }

    /// The `count` (0–16) bytes at `pointer`, the lanes after them `filler`: the last bytes of a
    /// text scanned as a whole chunk, without reading past its end.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>, count: Int, filler: UInt8) -> Self {
        if count >= 16 { return load(pointer) }
        var chunk = Self(repeating: filler)
        withUnsafeMutableBytes(of: &chunk) { $0.baseAddress!.copyMemory(from: pointer, byteCount: Swift.max(count, 0)) }
        return chunk
    }

    /// Sixteen times `byte`, typed so that comparisons with it compile to one vector instruction
    /// (an untyped `SIMD16(repeating:)` compared lane by lane).
    @inline(__always)
    static func all(_ byte: UInt8) -> Self { Self(repeating: byte) }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether `test` holds for some chunk of sixteen bytes, given with the sixteen bytes after
    /// each (so that a pair such as two spaces is seen across chunks); the last bytes are filled
    /// out with `filler`, which `test` must not take for anything.
    @inline(__always)
    func anyChunk(filler: UInt8, _ test: (_ chunk: SIMD16<UInt8>, _ next: SIMD16<UInt8>) -> Bool) -> Bool {
        guard let base = baseAddress else { return false }
        var index = 0
        while index < count {
            let rest = count - index
            if test(.load(base + index, count: rest, filler: filler), .load(base + index + 1, count: rest - 1, filler: filler)) {
                return true
            }
            index += 16
        }
        return false
    }
}

extension SIMDMask where Storage == SIMD16<Int8> {
    /// Whether any lane is set, read as two words (`any(_:)` was a call to `min()` when the mask
    /// came from several comparisons).
    @inline(__always)
    var anySet: Bool {
        let words = unsafeBitCast(self, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }
}
