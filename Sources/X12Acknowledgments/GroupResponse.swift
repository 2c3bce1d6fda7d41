import X12

/// The 999's answer for one received functional group: one 999 transaction set (AK1…AK9).
public struct GroupResponse: Sendable, Hashable {
    /// AK101 = GS01 (`HC`).
    public var functionalID: String
    /// AK102 = GS06.
    public var controlNumber: String
    /// AK103 = GS08.
    public var version: String
    /// GE01 as sent; nil when the group had no GE, in which case AK902 reports the received count.
    public var declaredTransactionSetCount: Int?
    /// AK905–AK909: group-level error codes. Any of them rejects the group (AK901 = R, AK904 = 0);
    /// such a group normally lists no sets.
    public var groupErrors: [String]
    /// One per transaction set received, in file order; their number is AK903.
    public var transactionSets: [TransactionSetResponse]

    public init(
        functionalID: String = "HC", controlNumber: String, version: String = "005010X222A1",
        declaredTransactionSetCount: Int?, groupErrors: [String] = [], transactionSets: [TransactionSetResponse]
    ) {
        self.functionalID = functionalID
        self.controlNumber = controlNumber
        self.version = version
        self.declaredTransactionSetCount = declaredTransactionSetCount
        self.groupErrors = groupErrors
        self.transactionSets = transactionSets
    }

    /// A response for a group as the envelope reader saw it, its issues becoming AK905 codes.
    public init(_ group: FunctionalGroup, transactionSets: [TransactionSetResponse]) {
        self.init(
            functionalID: group.functionalID, controlNumber: group.controlNumber, version: group.version,
            declaredTransactionSetCount: group.declaredTransactionSetCount,
            groupErrors: group.issues.map(\.ak905Code), transactionSets: transactionSets)
    }

    /// AK903.
    public var receivedCount: Int { transactionSets.count }

    /// AK904: sets acknowledged `A` or `E`; none when the group itself is rejected.
    public var acceptedCount: Int {
        groupErrors.isEmpty ? transactionSets.count(where: \.isAccepted) : 0
    }

    /// AK901, per the decision table in RULES-RESEARCH §2: `R` for a group error or when nothing
    /// was accepted, `P` when some sets were rejected and some accepted, `E` when all were accepted
    /// but errors were noted in some, `A` when all are clean.
    public var acknowledgmentCode: String {
        let accepted = acceptedCount
        if accepted == 0 { return "R" }
        if accepted < transactionSets.count { return "P" }
        return transactionSets.allSatisfy { $0.acknowledgmentCode == "A" } ? "A" : "E"
    }
}
