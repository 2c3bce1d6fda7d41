import X12
import X12Schema

/// The segments of one transaction set whose elements were found clean, remembered by their bytes
/// and their rule in the guide, so that a repeat is known clean without reading its values again.
///
/// A claim file repeats many segments byte for byte: `LX*1`, a line's `DTP*472` on the day of the
/// visit, the payer's `NM1*PR`, a practice's `N4`, the same `SV1` at the same fee. The element
/// checks are a function of a segment's bytes, its rule and the delimiters alone, and a walk
/// reads one interchange's delimiters throughout, so equal bytes under the same rule get the same
/// answer. A repeat costs a hash and a compare of a few words instead of every value's checks.
///
/// A segment never seen costs its hash and a slot for nothing, so a rule whose first
/// `trialLookups` segments of the set found fewer than one in eight is not looked up again in the
/// set: a subscriber's name, address and birth date, a claim's references do not repeat, while
/// its dates, payers and lines go on being found; a set where nothing repeats pays for each
/// rule's first few dozen segments, not for all of them.
///
/// Direct-mapped: a new clean segment takes the slot its hash names from whatever held it, so
/// memory stays at `slotCount` entries (96 KB, taken on the first clean segment) whatever the
/// size of the set, and the segments that recur often keep coming back to theirs. A slot holds
/// where its segment lies in the file, so one memory serves the walk of one set (one file).
struct CleanSegments {
    /// What the memory says of a segment.
    enum Answer {
        /// Checked clean before, byte for byte under the same rule.
        case clean
        /// Not known: `remember` it with this key if it checks clean.
        case unknown(Key)
        /// Not looked up: its rule's segments have not been repeating in this set.
        case notLookedUp

        var isClean: Bool { if case .clean = self { true } else { false } }
    }

    struct Key {
        fileprivate let slot: Int
        fileprivate let rule: ObjectIdentifier
    }

    /// A segment's place in the file, and the rule it was checked under.
    private struct Slot {
        var rule: ObjectIdentifier?
        var start = 0
        var count = 0
    }

    /// A rule's segments looked up in this set, and those found clean.
    private struct Tally {
        var lookups: UInt32 = 0
        var found: UInt32 = 0
    }

    /// A power of two. With 4,096 slots 49 % of the synthetic benchmark's segments are found
    /// clean, with 1,024 45 % (56 % repeat an earlier one of their set).
    private static let slotCount = 4_096
    static let trialLookups: UInt32 = 64
    private var slots: [Slot] = []
    /// By `SegmentSchema.ordinal`.
    private var tallies: [Tally] = []
    /// Whether segments are looked up at all: not in tests that compare the findings with and
    /// without the memory.
    let isActive: Bool

    init(isActive: Bool = true) { self.isActive = isActive }

    /// Looks `segment` up under `rule` (only while `isActive`). Always inlined into the
    /// validator's visit: called once a segment, with the visit inlined into the walk instead,
    /// the two together cost about 870 instructions a claim more (measured; the compiler now
    /// keeps the visit a call of the walk's).
    @inline(__always) mutating func lookUp(_ segment: Segment, rule: SegmentSchema) -> Answer {
        let ordinal = rule.ordinal
        if ordinal >= tallies.count { tallies += repeatElement(Tally(), count: ordinal + 1 - tallies.count) }
        let tally = tallies[ordinal]
        if tally.lookups >= Self.trialLookups, tally.found &* 8 < tally.lookups { return .notLookedUp }
        tallies[ordinal].lookups &+= 1
        let file = segment.file, range = segment.range
        let key = Key(
            slot: Int(truncatingIfNeeded: Self.hash(file, range)) & (Self.slotCount - 1), rule: ObjectIdentifier(rule))
        let known = slots.withUnsafeBufferPointer { slots in
            guard !slots.isEmpty else { return false }
            let slot = slots[key.slot]
            return slot.rule == key.rule && slot.count == range.count && Self.equal(file, slot.start, range)
        }
        guard known else { return .unknown(key) }
        tallies[ordinal].found &+= 1
        return .clean
    }

    /// Remembers `segment`, found clean under the rule `key` names.
    mutating func remember(_ segment: Segment, _ key: Key) {
        if slots.isEmpty { slots = Array(repeating: Slot(), count: Self.slotCount) }
        slots[key.slot] = Slot(rule: key.rule, start: segment.range.lowerBound, count: segment.range.count)
    }

    /// The segment's bytes, tag to last element, read eight at a time and mixed so that the slot
    /// index (the low bits) depends on every byte.
    private static func hash(_ file: X12Source.Bytes, _ range: Range<Int>) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: range.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = file.baseAddress else { return hash }
        var index = range.lowerBound
        while index &+ 8 <= range.upperBound {
            hash = mix(hash ^ ByteLanes.load(base + index))
            index &+= 8
        }
        if index < range.upperBound { hash = mix(hash ^ lastWord(file, from: index, to: range.upperBound)) }
        return hash
    }

    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0xBF58_476D_1CE4_E5B9
        return product ^ product >> 31
    }

    /// Whether the bytes of `range` equal as many from `start`, in the same file.
    private static func equal(_ file: X12Source.Bytes, _ start: Int, _ range: Range<Int>) -> Bool {
        guard let base = file.baseAddress else { return false }
        var index = range.lowerBound, other = start
        while index &+ 8 <= range.upperBound {
            guard ByteLanes.load(base + index) == ByteLanes.load(base + other) else { return false }
            index &+= 8
            other &+= 8
        }
        guard index < range.upperBound else { return true }
        let count = range.upperBound - index
        return lastWord(file, from: index, to: range.upperBound) == lastWord(file, from: other, to: other + count)
    }

    /// The last (under eight) bytes of a range as a word, first byte lowest, the lanes past them
    /// zero: read as the word they start where the file holds eight bytes from there (a segment
    /// is followed by at least its terminator and the trailer), else byte by byte.
    @inline(__always) private static func lastWord(_ file: X12Source.Bytes, from index: Int, to end: Int) -> UInt64 {
        if index &+ 8 <= file.count, let base = file.baseAddress {
            return ByteLanes.prefix(ByteLanes.load(base + index), end - index)
        }
        var word: UInt64 = 0
        for offset in 0..<(end - index) { word |= UInt64(file[index + offset]) << UInt64(offset * 8) }
        return word
    }
}
