/// One claim of a parsed transaction set, held as its set's array and an index instead of a
/// copy: the store's rows and the 277CA's decisions for a 100,000-claim file each held 100 MB of
/// copies. Reads lend the claim in place.
public struct ClaimSlot: Sendable, Equatable {
    @usableFromInline let claims: [Claim]
    @usableFromInline let index: Int

    /// The claim at `index` of `claims` (the array is shared, not copied).
    public init(_ claims: [Claim], _ index: Int) {
        precondition(claims.indices.contains(index), "claim \(index) of \(claims.count)")
        self.claims = claims
        self.index = index
    }

    /// A claim of its own.
    public init(_ claim: Claim) { self.init([claim], 0) }

    @inlinable public var claim: Claim {
        _read { yield claims[index] }
    }

    /// Lends the claim's address in its array's buffer, for an encoder that reads many of its
    /// fields around calls the compiler cannot see into: lent as a value, even through the
    /// buffer, the claim was copied whole first (thirty-odd retains and releases a claim).
    @inlinable public func withClaimAddress<Result>(_ body: (UnsafePointer<Claim>) throws -> Result) rethrows -> Result {
        try claims.withUnsafeBufferPointer { try body($0.baseAddress! + index) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.claim == rhs.claim }
}
