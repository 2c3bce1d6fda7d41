import ClaimsCore
import X12
import X12Validation

/// Everything the gateway decided about one received file, before anything is written: which
/// interchanges, groups, transaction sets and claims are accepted, and why not.
public struct FileAssessment: Sendable {
    public var interchanges: [InterchangeAssessment]

    /// Claims of every transaction set that was not rejected, in file order, with their fate.
    public var claimOutcomes: [(claim: Claim, accepted: Bool)] {
        interchanges.flatMap { interchange in
            interchange.groups.flatMap { group in
                group.transactionSets.flatMap { set in
                    guard let parsed = set.parsed, set.verdict.disposition != .rejected else {
                        return [(claim: Claim, accepted: Bool)]()
                    }
                    return parsed.claims.enumerated().map { index, claim in
                        (claim: claim, accepted: !set.verdict.rejectedClaims.contains(index))
                    }
                }
            }
        }
    }

    /// Rejects (TA1 025) the interchanges whose sender and ISA13 the gateway already received in
    /// another file; nothing inside them is processed.
    public mutating func rejectRepeated(_ isRepeated: (InterchangeHeader) -> Bool) {
        for index in interchanges.indices where !interchanges[index].isRejected {
            guard isRepeated(interchanges[index].interchange.header) else { continue }
            interchanges[index].issues.append(.duplicateControlNumber)
            interchanges[index].groups = []
        }
    }

    /// Number of stored claims (those of sets not rejected) that were accepted, without copying any.
    public var acceptedClaimCount: Int {
        storedSets.reduce(0) { $0 + $1.parsed!.claims.count - $1.verdict.rejectedClaims.count }
    }

    /// Number of claims stored (those of sets not rejected), accepted or not.
    var storedClaimCount: Int { storedSets.reduce(0) { $0 + $1.parsed!.claims.count } }

    /// Transaction sets whose claims are stored: parsed and not rejected.
    var storedSets: [TransactionSetAssessment] {
        interchanges.flatMap(\.groups).flatMap(\.transactionSets).filter {
            $0.parsed != nil && $0.verdict.disposition != .rejected
        }
    }

    /// Calls `body` for every claim of every transaction set that was not rejected, in file order,
    /// with the claim's index in its set.
    func forEachClaim(_ body: (TransactionSetAssessment, Int, ClaimSlot) -> Void) {
        for set in storedSets {
            let claims = set.parsed!.claims
            for index in claims.indices { body(set, index, ClaimSlot(claims, index)) }
        }
    }

    /// Number of CLM segments read, whatever their fate.
    public var claimCount: Int {
        interchanges.flatMap(\.groups).flatMap(\.transactionSets).reduce(0) { $0 + ($1.parsed?.claims.count ?? 0) }
    }
}

/// Where a transaction set sits in its file: interchange, group and set indices.
public struct SetPlace: Sendable, Hashable {
    public var interchange: Int
    public var group: Int
    public var set: Int
}

extension FileAssessment {
    /// Every transaction set of the interchanges not rejected, in file order.
    public var judgeablePlaces: [SetPlace] {
        interchanges.indices.flatMap { interchange in
            interchanges[interchange].groups.indices.flatMap { group in
                interchanges[interchange].groups[group].group.transactionSets.indices.map {
                    SetPlace(interchange: interchange, group: group, set: $0)
                }
            }
        }
    }
}

public struct InterchangeAssessment: Sendable {
    /// The interchange as received (its envelope: sets are read again only when judged).
    public var interchange: Interchange
    /// Envelope issues, the reader's and the header checks' (TA1 note codes).
    public var issues: [InterchangeIssue]
    public var groups: [GroupAssessment]

    /// A rejected interchange gets a TA1 and nothing else.
    public var isRejected: Bool { issues.contains(where: \.rejectsInterchange) }
}

public struct GroupAssessment: Sendable {
    public var group: FunctionalGroup
    public var transactionSets: [TransactionSetAssessment]
}

public struct TransactionSetAssessment: Sendable {
    /// The set's envelope (ST, SE and where its bytes are: `parsed` holds its content).
    public var set: TransactionSet
    /// Nil when the set was not read as an 837P (wrong ST01/ST03, group rejected, more claims
    /// than the partner allows).
    public var parsed: ParsedTransactionSet?
    public var verdict: TransactionSetVerdict
}
