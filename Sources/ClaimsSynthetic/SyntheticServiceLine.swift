import ClaimsCore

/// One 2400 service line: LX, SV1 and DTP*472.
public struct SyntheticServiceLine: Sendable, Hashable {
    /// SV101-2, a CPT or HCPCS code (SV101-1 is always `HC`).
    public var procedureCode: String
    /// SV101-3…6, at most four.
    public var modifiers: [String]
    /// SV102, the line total (unit price × units).
    public var charge: Amount
    /// SV104 with SV103=UN.
    public var units: Int
    /// SV107: 1-based positions in the claim's HI list, one to four, each pointing at a code sent.
    public var diagnosisPointers: [Int]
    /// DTP*472 D8.
    public var serviceDate: CalendarDate

    public init(
        procedureCode: String, modifiers: [String], charge: Amount, units: Int, diagnosisPointers: [Int],
        serviceDate: CalendarDate
    ) {
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.charge = charge
        self.units = units
        self.diagnosisPointers = diagnosisPointers
        self.serviceDate = serviceDate
    }
}
