/// Short ASCII values made straight in the standard library's small-string form.
///
/// A string of up to 15 UTF-8 bytes is held in the `String` value itself: its bytes in order
/// across the two words, and in the top byte of the second its count under the flags "immortal,
/// small, ASCII" (0xE0). The parser makes some twenty values a claim (codes, names, identifiers),
/// nearly all that short; through `String(unsafeUninitializedCapacity:)` each cost about 200
/// instructions (a closure, a copy, UTF-8 validation), made here about twenty. The layout is the
/// standard library's on 64-bit little-endian targets, which `SmallASCIIStringTests` checks bit
/// for bit at every length; other targets, longer values, non-ASCII bytes and values too near the
/// end of the file to read two whole words take the standard library's path.
@usableFromInline enum SmallASCIIString {
    /// The string of `file[range]`, or nil when it cannot be made this way.
    @inlinable @inline(__always) static func make(_ file: X12Source.Bytes, _ range: Range<Int>) -> String? {
        #if _endian(little) && _pointerBitWidth(_64)
            let count = range.upperBound &- range.lowerBound
            guard count <= 15, range.lowerBound &+ 16 <= file.count, let base = file.baseAddress else { return nil }
            let first = ByteLanes.load(base + range.lowerBound)
            let low: UInt64, high: UInt64
            if count < 8 {
                low = ByteLanes.prefix(first, count)
                high = 0
            } else {
                low = first
                high = ByteLanes.prefix(ByteLanes.load(base + (range.lowerBound &+ 8)), count &- 8)
            }
            guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
            return unsafeBitCast((low, high | (0xE0 | UInt64(truncatingIfNeeded: count)) &<< 56), to: String.self)
        #else
            return nil
        #endif
    }
}
