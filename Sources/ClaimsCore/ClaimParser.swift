#if canImport(Glibc)
    import Glibc
#endif
import X12
import X12Schema

/// One 837P transaction set, read: its header, its claims and where its structure departs from
/// the guide.
public struct ParsedTransactionSet: Sendable {
    public var header: SubmissionHeader
    public var claims: [Claim]
    public var structureErrors: [StructureError]

    public init(header: SubmissionHeader, claims: [Claim], structureErrors: [StructureError]) {
        self.header = header
        self.claims = claims
        self.structureErrors = structureErrors
    }
}

/// Reads 837P 005010X222A1 transaction sets into typed claims.
public struct ClaimParser: Sendable {
    let walker = LoopWalker(schema: X222A1.transactionSet)

    public init() {}

    /// Walks `set` (the `transactionSet`-th of group `group` in interchange `interchange`).
    public func parse(_ set: TransactionSet, interchange: Int, group: Int, transactionSet: Int) -> ParsedTransactionSet {
        var reader = reader(for: set, interchange: interchange, group: group, transactionSet: transactionSet)
        let errors = walker.walk(set.segments, visitor: &reader)
        return ParsedTransactionSet(header: reader.header, claims: reader.claims, structureErrors: errors)
    }

    /// Walks `set` once, feeding every placed segment to the claim reader and to `visitor` (a
    /// validator), so that validation does not cost a second walk.
    public func parse<Visitor: LoopVisitor>(
        _ set: TransactionSet, interchange: Int, group: Int, transactionSet: Int, alongside visitor: inout Visitor
    ) -> ParsedTransactionSet {
        var pair = LoopVisitorPair(
            reader(for: set, interchange: interchange, group: group, transactionSet: transactionSet), visitor)
        let errors = walker.walk(set.segments, visitor: &pair)
        visitor = pair.second
        return ParsedTransactionSet(header: pair.first.header, claims: pair.first.claims, structureErrors: errors)
    }

    private func reader(for set: TransactionSet, interchange: Int, group: Int, transactionSet: Int) -> ClaimReader {
        var reader = ClaimReader(
            interchangeIndex: interchange, groupIndex: group, transactionSetIndex: transactionSet,
            controlNumber: set.controlNumber)
        reader.reserveClaims(Self.claimSegmentCount(in: set))
        return reader
    }

    /// CLM segments in `set`, counted by their tag after each segment terminator (found by
    /// `memchr`, a few instructions a segment), so that the claims array is made once at its
    /// size: grown by doubling, a 2,000-claim set's array was copied into fresh pages eleven times.
    static func claimSegmentCount(in set: TransactionSet) -> Int {
        let bytes = set.header.file
        let delimiters = set.header.delimiters
        guard let base = bytes.baseAddress else { return 0 }
        let end = set.range.upperBound
        var index = set.range.lowerBound
        var count = 0
        while index < end, let found = memchr(base + index, Int32(delimiters.segment), end - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            while index < end, SegmentScanner.isLayout(bytes[index]) { index += 1 }
            if index + 4 <= end, bytes[index] == UInt8(ascii: "C"), bytes[index + 1] == UInt8(ascii: "L"),
                bytes[index + 2] == UInt8(ascii: "M"), bytes[index + 3] == delimiters.element
            {
                count += 1
            }
        }
        return count
    }
}
