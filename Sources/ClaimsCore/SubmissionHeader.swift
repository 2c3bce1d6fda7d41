/// What an 837P transaction set says about itself before its first claim (BHT, 1000A, 1000B):
/// the 277CA echoes it back (TRN*2 = BHT03, NM1*41 = submitter).
public struct SubmissionHeader: Sendable, Equatable {
    /// ST02.
    public var transactionSetControlNumber: String
    /// BHT02: `00` original, `18` reissue.
    public var purpose: String
    /// BHT03, the originator's batch reference.
    public var batchReference: String
    /// BHT04.
    public var creationDate: CalendarDate?
    /// BHT06: `CH` chargeable claims, `RP` encounters.
    public var claimOrEncounter: String
    /// 1000A submitter.
    public var submitter: Party
    /// 1000B receiver.
    public var receiver: Party

    public init(
        transactionSetControlNumber: String, purpose: String, batchReference: String, creationDate: CalendarDate?,
        claimOrEncounter: String, submitter: Party, receiver: Party
    ) {
        self.transactionSetControlNumber = transactionSetControlNumber
        self.purpose = purpose
        self.batchReference = batchReference
        self.creationDate = creationDate
        self.claimOrEncounter = claimOrEncounter
        self.submitter = submitter
        self.receiver = receiver
    }
}

/// A named party with its identifier (NM103/NM104 and NM109).
public struct Party: Sendable, Equatable {
    /// NM102: `1` person, `2` organisation.
    public var entityType: String
    public var name: String
    public var firstName: String?
    public var identifier: String

    public init(entityType: String, name: String, firstName: String? = nil, identifier: String) {
        self.entityType = entityType
        self.name = name
        self.firstName = firstName
        self.identifier = identifier
    }
}
