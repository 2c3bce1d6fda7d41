/// What makes two claims the same claim for duplicate detection: submitter, billing NPI, CLM01,
/// the service date range and CLM02.
public struct ClaimKey: Sendable, Hashable {
    public var submitter: String
    public var billingNPI: String
    public var patientControlNumber: String
    public var firstServiceDate: CalendarDate?
    public var lastServiceDate: CalendarDate?
    public var totalCharge: Amount

    public init(
        submitter: String, billingNPI: String, patientControlNumber: String, firstServiceDate: CalendarDate?,
        lastServiceDate: CalendarDate?, totalCharge: Amount
    ) {
        self.submitter = submitter
        self.billingNPI = billingNPI
        self.patientControlNumber = patientControlNumber
        self.firstServiceDate = firstServiceDate
        self.lastServiceDate = lastServiceDate
        self.totalCharge = totalCharge
    }

    /// The key of `claim` sent by `submitter` (1000A NM109).
    ///
    /// Inlinable: called out of line on a claim borrowed from an array, the whole claim was copied
    /// for every key.
    @inlinable public init(_ claim: Claim, submitter: String) {
        self.init(
            submitter: submitter, billingNPI: claim.billingProvider.npi ?? "",
            patientControlNumber: claim.patientControlNumber, firstServiceDate: claim.serviceDates.first,
            lastServiceDate: claim.serviceDates.last,
            totalCharge: claim.totalCharge)
    }
}
