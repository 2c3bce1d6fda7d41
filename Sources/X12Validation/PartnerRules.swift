/// Trading-partner (SNIP 7) requirements, set per partner in `Config/partners.yaml` under
/// `rules:`; every field off by default, so a partner gets only what its companion guide asks.
public struct PartnerRules: Sendable, Equatable {
    /// Every US address (billing, pay-to, subscriber, patient, facility) carries ZIP+4.
    public var zipPlusFourRequired = false
    /// 2000A PRV billing provider taxonomy required.
    public var billingTaxonomyRequired = false
    /// Rendering provider taxonomy (2310B PRV) required whenever a rendering provider is sent.
    public var renderingTaxonomyRequired = false
    /// Payer ids (2010BB NM109) whose member ids must be Medicare Beneficiary Identifiers.
    public var medicarePayerIDs: Set<String> = []
    /// Payer ids the partner may route to; empty: any.
    public var allowedPayerIDs: Set<String> = []
    /// Claim filing indicators (SBR09) accepted; empty: any.
    public var allowedFilingIndicators: Set<String> = []
    /// Billing NPIs enrolled under this submitter; empty: not checked.
    public var enrolledBillingNPIs: Set<String> = []
    /// Maximum days between the earliest date of service and receipt (timely filing); nil: off.
    public var timelyFilingDays: Int?
    /// An organisation billing provider must name its individual rendering provider.
    public var renderingRequiredForOrganizations = false
    /// SBR03 group number required.
    public var groupNumberRequired = false
    /// Member id length bounds and allowed characters (letters and digits only).
    public var memberIDMinLength: Int?
    public var memberIDMaxLength: Int?
    /// Required leading characters of the member id (a plan prefix), any of them.
    public var memberIDPrefixes: [String] = []
    /// Procedure codes that need REF*G1 prior authorization (claim or line).
    public var priorAuthorizationCodes: Set<String> = []
    /// Laboratory procedure codes (80000–89999) need a CLIA number (REF*X4).
    public var cliaRequiredForLab = false
    /// Drug HCPCS codes (J) need the NDC (2410 LIN).
    public var ndcRequiredForDrugs = false
    /// DMEPOS HCPCS codes (E, K, L) need the ordering provider (2420E).
    public var orderingProviderRequiredForDME = false
    /// Encounters (BHT06 = RP) are refused.
    public var encountersRefused = false
    /// Longest CLM01 the partner's downstream systems keep; nil: X12 maximum.
    public var maxPatientControlNumberLength: Int?
    /// Most service lines per claim (paper-form limits at some payers); nil: the guide's 50.
    public var maxServiceLines: Int?
    /// Referring provider (2310A) required on every claim.
    public var referringProviderRequired = false
    /// Days a claim key is remembered for duplicate detection.
    public var duplicateLookBackDays = 365
    /// Most claims (CLM segments) in one transaction set; a set with more is rejected unread
    /// (TS-010). The TR3 recommends at most 5,000, and a set is judged whole in memory, so a
    /// partner may raise it only as far as `claimsPerTransactionSetCeiling`.
    public var maxClaimsPerTransactionSet = 5_000
    /// Twice the TR3's figure: what bounds the memory of judging a set, whatever the file's size.
    /// 300,000 claims in sets of 10,000 peaked at 318–326 MB (scored, the independent generator's
    /// claims); in sets of 20,000, 546 MB.
    public static let claimsPerTransactionSetCeiling = 10_000

    public init() {}
}
