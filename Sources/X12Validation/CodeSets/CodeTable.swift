/// Codes to values in an open-addressing table: a look-up is one multiplication and, almost
/// always, one probe.
///
/// Swift's `Dictionary` hashes with SipHash, seeded per process, so that keys an attacker chooses
/// cannot pile into one chain; that cost about 200 instructions a look-up, for several look-ups a
/// claim. A code set's keys come from the gateway's own files, and a claim only probes the table,
/// never adds to it, so a fixed multiplicative hash leaves no chain for a claim to lengthen.
struct CodeTable<Value: Sendable>: Sendable, Sequence {
    /// `CodeKey.raw` per slot; 0 (never a key: a key has at least one byte above 0x20) is empty.
    private var keys: [UInt64]
    private var values: [Value?]
    private(set) var count = 0
    /// 64 minus log2 of the slot count: the hash is the top bits of the product.
    private var shift: UInt64

    init() {
        keys = Array(repeating: 0, count: 8)
        values = Array(repeating: nil, count: 8)
        shift = 61
    }

    var isEmpty: Bool { count == 0 }

    subscript(key: CodeKey) -> Value? {
        get {
            var slot = self.slot(of: key.raw)
            while true {
                let stored = keys[slot]
                if stored == key.raw { return values[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & (keys.count - 1)
            }
        }
        set {
            guard let newValue else { preconditionFailure("code tables only grow") }
            if (count + 1) * 2 > keys.count { grow() }
            var slot = self.slot(of: key.raw)
            while keys[slot] != 0 && keys[slot] != key.raw { slot = (slot + 1) & (keys.count - 1) }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = key.raw
            values[slot] = newValue
        }
    }

    /// Fibonacci hashing: the golden-ratio multiplier spreads consecutive codes over the table.
    private func slot(of raw: UInt64) -> Int { Int(truncatingIfNeeded: (raw &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private mutating func grow() {
        let old = zip(keys, values)
        keys = Array(repeating: 0, count: keys.count * 2)
        values = Array(repeating: nil, count: keys.count)
        shift -= 1
        count = 0
        for (raw, value) in old where raw != 0 { self[CodeKey(raw: raw)] = value }
    }

    func makeIterator() -> some IteratorProtocol<(key: CodeKey, value: Value)> {
        zip(keys, values).lazy.compactMap { raw, value in value.map { (key: CodeKey(raw: raw), value: $0) } }.makeIterator()
    }
}
