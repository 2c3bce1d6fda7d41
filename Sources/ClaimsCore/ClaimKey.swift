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

    /// Hashes what tells one submitter's claims apart in four calls: the synthesized hash fed each
    /// field on its own, about 1,000 instructions a claim in the duplicate check. The submitter is
    /// left out, as keys are only compared within one submitter's claims (a set's and its prior
    /// submissions); the rest is fed whole, the NPI's length with the dates to mark where the two
    /// strings meet, so keys that differ still differ in what the seeded hash reads: claims cannot
    /// be crafted to collide.
    public func hash(into hasher: inout Hasher) {
        billingNPI.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        patientControlNumber.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        // Ten bits for the length (an NPI has ten digits); a longer one, never valid, fed whole.
        let npiLength = billingNPI.utf8.count
        if npiLength >= 0x3FF { hasher.combine(npiLength) }
        let length = UInt64(truncatingIfNeeded: min(npiLength, 0x3FF))
        hasher.combine(length &<< 54 | Self.packed(firstServiceDate) &<< 27 | Self.packed(lastServiceDate))
        hasher.combine(totalCharge.cents)
    }

    /// A date as one number (yyyymmdd, below 2^27), 0 when absent: two fit one word, none lost.
    @inline(__always) static func packed(_ date: CalendarDate?) -> UInt64 {
        guard let date else { return 0 }
        return UInt64(truncatingIfNeeded: date.year &* 10_000 &+ date.month &* 100 &+ date.day)
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
