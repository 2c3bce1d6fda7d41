import ClaimsCore

/// Everything one generated claim needs to be written: its 2000B/2000C people, its payer and
/// billing provider, and the 2300/2400 content.
///
/// Building (`ClaimGenerator.claim(at:)`) and writing (`write(into:…)`) are separate steps on
/// purpose: ground-truth labelling and error injection work on this value in between.
public struct SyntheticClaim: Sendable, Hashable {
    /// 0-based position of the claim in the file; it also makes CLM01 unique.
    public var index: Int
    /// CLM01.
    public var patientControlNumber: String
    public var billingProvider: SyntheticBillingProvider
    public var payer: SyntheticPayer
    public var subscriber: SyntheticPerson
    /// 2010BA NM109: member id (MBI for Medicare).
    public var memberID: String
    /// SBR03.
    public var groupNumber: String?
    /// The patient when a dependent (2000C/2010CA), nil when the subscriber is the patient.
    public var patient: SyntheticPerson?
    /// PAT01 when `patient` is set: `01` spouse, `19` child.
    public var patientRelationship: String?
    /// CLM05-1, CMS place of service.
    public var placeOfService: String
    /// CLM05-3: `1` original, `7` replacement.
    public var frequencyCode: String
    /// REF*F8, the payer's control number of the claim being replaced (frequency 7).
    public var originalReference: String?
    /// ICD-10-CM codes without the dot; the first is the principal (ABK), the rest ABF (≤ 11).
    public var diagnoses: [String]
    public var serviceLines: [SyntheticServiceLine]

    public init(
        index: Int, patientControlNumber: String, billingProvider: SyntheticBillingProvider, payer: SyntheticPayer,
        subscriber: SyntheticPerson, memberID: String, groupNumber: String?, patient: SyntheticPerson?,
        patientRelationship: String?, placeOfService: String, frequencyCode: String, originalReference: String?,
        diagnoses: [String], serviceLines: [SyntheticServiceLine]
    ) {
        self.index = index
        self.patientControlNumber = patientControlNumber
        self.billingProvider = billingProvider
        self.payer = payer
        self.subscriber = subscriber
        self.memberID = memberID
        self.groupNumber = groupNumber
        self.patient = patient
        self.patientRelationship = patientRelationship
        self.placeOfService = placeOfService
        self.frequencyCode = frequencyCode
        self.originalReference = originalReference
        self.diagnoses = diagnoses
        self.serviceLines = serviceLines
    }

    /// CLM02: always the exact sum of the line charges (SNIP 3 balancing).
    public var totalCharge: Amount { serviceLines.reduce(.zero) { $0 + $1.charge } }
}
