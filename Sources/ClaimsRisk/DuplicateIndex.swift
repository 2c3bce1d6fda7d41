/// Fingerprints seen so far (earlier files from PostgreSQL, then earlier claims of the batch),
/// answering whether a claim repeats one of them.
public struct DuplicateIndex: Sendable {
    private var exact: Set<Int64> = []
    private var near: Set<Int64> = []

    public init(known: some Sequence<ClaimFingerprint> = []) {
        for fingerprint in known { insert(fingerprint) }
    }

    /// The match of `fingerprint` against what was seen, without recording it.
    public func match(_ fingerprint: ClaimFingerprint) -> DuplicateMatch {
        if exact.contains(fingerprint.exact) { return .exact }
        if near.contains(fingerprint.near) { return .near }
        return .none
    }

    public mutating func insert(_ fingerprint: ClaimFingerprint) {
        exact.insert(fingerprint.exact)
        near.insert(fingerprint.near)
    }

    /// Matches and records in one step, in claim order.
    public mutating func check(_ fingerprint: ClaimFingerprint) -> DuplicateMatch {
        defer { insert(fingerprint) }
        return match(fingerprint)
    }
}
