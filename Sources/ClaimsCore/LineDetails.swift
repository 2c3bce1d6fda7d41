/// The 2400 data beyond SV1 and the service date that line edits read.
public struct LineDetails: OutOfLineValue {
    public static let emptyBox = OutOfLineBox(LineDetails())

    /// SV101-7 description (required for not-otherwise-classified codes).
    public var description: String?
    /// SV109 emergency, SV111 EPSDT, SV112 family planning indicators.
    public var emergency: String?
    public var epsdt: String?
    public var familyPlanning: String?
    /// REF*6R line item control number (echoed in the 277CA REF*FJ).
    public var controlNumber: String?
    /// REF*G1 line prior authorization, REF*X4 line CLIA.
    public var priorAuthorization: String?
    public var cliaNumber: String?
    /// 2410 LIN02 qualifier (N4) and LIN03 NDC, CTP04 quantity, CTP05-1 unit.
    public var ndcQualifier: String?
    public var ndc: String?
    public var drugQuantity: Double?
    public var drugUnit: String?
    /// PS102 purchased service charge; AMT*T sales tax; AMT*F4 postage.
    public var purchasedServiceCharge: Amount?
    public var salesTax: Amount?
    public var postage: Amount?
    /// 2420A rendering, 2420B purchased service, 2420C facility, 2420D supervising, 2420E
    /// ordering, 2420F referring.
    public var rendering: ClaimParty?
    public var purchasedService: ClaimParty?
    public var serviceFacility: ClaimParty?
    public var supervising: ClaimParty?
    public var ordering: ClaimParty?
    public var referring: [ClaimParty] = []
    /// 2430 adjudications by other payers.
    public var adjudications: [LineAdjudication] = []
    /// Whether the line has its own CR1 ambulance segment.
    public var hasAmbulanceTransport = false

    public init() {}
}

/// Amounts whose text was not a valid X12 amount with at most two decimals (the parsed value is
/// then zero): one bit per amount field, so precision edits need no text at validation time.
public struct AmountDefects: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let claimCharge = AmountDefects(rawValue: 1 << 0)
    public static let patientPaid = AmountDefects(rawValue: 1 << 1)
    public static let otherPayerPaid = AmountDefects(rawValue: 1 << 2)
    public static let adjustment = AmountDefects(rawValue: 1 << 3)
    public static let lineCharge = AmountDefects(rawValue: 1 << 4)
    public static let linePaid = AmountDefects(rawValue: 1 << 5)
    public static let purchasedService = AmountDefects(rawValue: 1 << 6)
    public static let units = AmountDefects(rawValue: 1 << 7)
    public static let otherPayerAmounts = AmountDefects(rawValue: 1 << 8)
}
