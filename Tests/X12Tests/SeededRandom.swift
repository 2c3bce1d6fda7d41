/// A fixed-seed xorshift generator: the randomized tests see the same cases on every run.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func bits() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(bits() % UInt64(bound)) }
}
