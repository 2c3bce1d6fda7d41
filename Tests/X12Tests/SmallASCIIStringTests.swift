import Testing
import X12

/// Values read as text must be the standard library's own strings, bit for bit, whichever way they
/// are made: short ASCII ones are built in its small-string layout (`SmallASCIIString`).
@Suite struct SmallASCIIStringTests {
    /// ASCII delimiters that the values never hold, so that a byte read past a value's end is one
    /// a wrong string would show.
    static let delimiters = Delimiters(element: 0x1D, repetition: 0x1E, component: 0x1F, segment: 0x1C)

    /// An ASCII byte other than a delimiter.
    static func valueByte(_ random: inout SeededRandom) -> UInt8 {
        let byte = UInt8(random.next(0x7C))
        return byte < 0x1C ? byte : byte + 4
    }

    static func bits(_ string: String) -> [UInt64] {
        let words = unsafeBitCast(string, to: (UInt64, UInt64).self)
        return [words.0, words.1]
    }

    /// Lengths 0 to 20 at every offset of a word, ASCII bytes from NUL to DEL, now and then a byte
    /// above 0x7F, and values ending anywhere up to the last byte of the file.
    @Test func valuesAreTheStandardLibrarysStrings() {
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<4_000 {
            let value = (0..<random.next(21)).map { _ in
                random.next(6) == 0 ? UInt8(0x80 + random.next(0x80)) : Self.valueByte(&random)
            }
            let padding = (0..<random.next(24)).map { _ in Self.valueByte(&random) }
            let lead = Array(repeating: UInt8(ascii: " "), count: random.next(8))
            let bytes = lead + Array("X".utf8) + [Self.delimiters.element] + value + [Self.delimiters.segment] + padding
            let source = X12Source(bytes: bytes)
            let segment = Segment(source: source, range: lead.count..<lead.count + 2 + value.count, delimiters: Self.delimiters)
            let made = segment[1].string
            let expected = String(decoding: value, as: UTF8.self)
            #expect(made == expected)
            #expect(Self.bits(made) == Self.bits(expected) || value.count > 15 || value.contains { $0 >= 0x80 }, "\(value)")
            withExtendedLifetime(source) {}
        }
    }
}
