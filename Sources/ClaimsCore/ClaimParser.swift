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
        var reader = ClaimReader(
            interchangeIndex: interchange, groupIndex: group, transactionSetIndex: transactionSet,
            controlNumber: set.controlNumber)
        let errors = walker.walk(set.segments, visitor: &reader)
        return ParsedTransactionSet(header: reader.header, claims: reader.claims, structureErrors: errors)
    }
}
