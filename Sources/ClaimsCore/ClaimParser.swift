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
    @usableFromInline let walker = LoopWalker(schema: X222A1.transactionSet)

    public init() {}

    /// Walks `set` (the `transactionSet`-th of group `group` in interchange `interchange`).
    public func parse(_ set: TransactionSet, interchange: Int, group: Int, transactionSet: Int) -> ParsedTransactionSet {
        var reader = reader(for: set, interchange: interchange, group: group, transactionSet: transactionSet)
        let errors = walker.walk(set.segments, visitor: &reader)
        return ParsedTransactionSet(header: reader.header, claims: reader.claims, structureErrors: errors)
    }

    /// Walks `set` once, feeding every placed segment to the claim reader and to `visitor` (a
    /// validator), so that validation does not cost a second walk. Inlinable, so that the walk is
    /// specialised for the visitor where it is called: run generically, it reached both visitors
    /// through witness tables.
    @inlinable
    public func parse<Visitor: LoopVisitor>(
        _ set: TransactionSet, interchange: Int, group: Int, transactionSet: Int, alongside visitor: inout Visitor
    ) -> ParsedTransactionSet {
        var pair = LoopVisitorPair(
            reader(for: set, interchange: interchange, group: group, transactionSet: transactionSet), visitor)
        let errors = walker.walk(set.segments, visitor: &pair)
        visitor = pair.second
        return ParsedTransactionSet(header: pair.first.header, claims: pair.first.claims, structureErrors: errors)
    }

    @usableFromInline func reader(for set: TransactionSet, interchange: Int, group: Int, transactionSet: Int) -> ClaimReader {
        var reader = ClaimReader(
            interchangeIndex: interchange, groupIndex: group, transactionSetIndex: transactionSet,
            controlNumber: set.controlNumber)
        // Made once at its size from the count the envelope pass took: grown by doubling, a
        // 2,000-claim set's array was copied into fresh pages eleven times.
        reader.reserveClaims(set.claimCount)
        return reader
    }
}
