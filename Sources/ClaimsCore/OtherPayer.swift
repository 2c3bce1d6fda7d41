/// One other payer of the claim (2320 with its 2330A/2330B): the coordination-of-benefits data
/// that balancing edits (SNIP 3) check.
public struct OtherPayer: Sendable, Equatable {
    /// 2320 SBR01 (P/S/T…) and SBR02 relationship, SBR09 filing indicator.
    public var responsibility: String
    public var relationship: String
    public var filingIndicator: String
    /// 2320 CAS claim-level adjustments.
    public var adjustments: [Adjustment]
    /// AMT*D payer paid, AMT*A8 non-covered, AMT*EAF remaining patient liability.
    public var paidAmount: Amount?
    public var nonCoveredAmount: Amount?
    public var remainingLiability: Amount?
    /// OI03 benefits assignment, OI06 release of information.
    public var benefitsAssignment: String?
    public var releaseOfInformation: String?
    /// 2330A NM109, 2330B NM109 (the id SVD01 refers to).
    public var subscriberID: String
    public var payerID: String
    /// 2330B DTP*573 adjudication or payment date.
    public var adjudicationDate: CalendarDate?

    public init(
        responsibility: String = "", relationship: String = "", filingIndicator: String = "",
        adjustments: [Adjustment] = [], paidAmount: Amount? = nil, nonCoveredAmount: Amount? = nil,
        remainingLiability: Amount? = nil, benefitsAssignment: String? = nil, releaseOfInformation: String? = nil,
        subscriberID: String = "", payerID: String = "", adjudicationDate: CalendarDate? = nil
    ) {
        self.responsibility = responsibility
        self.relationship = relationship
        self.filingIndicator = filingIndicator
        self.adjustments = adjustments
        self.paidAmount = paidAmount
        self.nonCoveredAmount = nonCoveredAmount
        self.remainingLiability = remainingLiability
        self.benefitsAssignment = benefitsAssignment
        self.releaseOfInformation = releaseOfInformation
        self.subscriberID = subscriberID
        self.payerID = payerID
        self.adjudicationDate = adjudicationDate
    }
}

/// One CAS triplet: group (CO, CR, OA, PI, PR), reason (CARC) and amount.
public struct Adjustment: Sendable, Equatable {
    public var group: String
    public var reason: String
    public var amount: Amount
    public var quantity: Double?

    public init(group: String, reason: String, amount: Amount, quantity: Double? = nil) {
        self.group = group
        self.reason = reason
        self.amount = amount
        self.quantity = quantity
    }
}

/// One 2430 line adjudication by another payer.
public struct LineAdjudication: Sendable, Equatable {
    /// SVD01: the other payer's id (2330B NM109).
    public var payerID: String
    /// SVD02 paid amount.
    public var paidAmount: Amount
    /// SVD03-2 procedure and SVD05 paid units.
    public var procedureCode: String
    public var paidUnits: Double?
    public var adjustments: [Adjustment]
    /// DTP*573.
    public var adjudicationDate: CalendarDate?

    public init(
        payerID: String, paidAmount: Amount, procedureCode: String = "", paidUnits: Double? = nil,
        adjustments: [Adjustment] = [], adjudicationDate: CalendarDate? = nil
    ) {
        self.payerID = payerID
        self.paidAmount = paidAmount
        self.procedureCode = procedureCode
        self.paidUnits = paidUnits
        self.adjustments = adjustments
        self.adjudicationDate = adjudicationDate
    }
}
