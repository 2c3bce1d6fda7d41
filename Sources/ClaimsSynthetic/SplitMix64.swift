/// The deterministic random source of the generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// A seed must give byte-identical files on every machine and Swift version, so the generator and
/// every derivation from it (ranges, picks, weights) are ours: the standard library's
/// `random(in:using:)` algorithms are not promised to stay the same across releases.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A stream that depends only on `seed`, a purpose tag and an index, so that claim *n* is the
    /// same whatever was generated before it (chunking, parallelism and later hooks cannot shift it).
    init(seed: UInt64, stream: UInt64, index: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        let base = mixer.next()
        var second = SplitMix64(seed: base ^ (index &* 0x9E37_79B9_7F4A_7C15))
        state = second.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` by multiply-shift (bias below 2⁻³² for the small ranges used here).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// An item chosen with probability proportional to its weight.
    mutating func pick<T>(weighted items: [(T, Int)]) -> T {
        var roll = int(in: 0...(items.reduce(0) { $0 + $1.1 } - 1))
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    /// `count` distinct items of `items`, in random order.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        var result: [T] = []
        for _ in 0..<min(count, pool.count) { result.append(pool.remove(at: int(in: 0...(pool.count - 1)))) }
        return result
    }

    /// A string of `count` decimal digits (leading zeros allowed).
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(int(in: 0...9)))) })
    }

    /// A string of `count` characters drawn from `alphabet`.
    mutating func characters(_ count: Int, from alphabet: String) -> String {
        let letters = Array(alphabet)
        return String((0..<count).map { _ in pick(letters) })
    }
}
