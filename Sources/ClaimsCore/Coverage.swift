/// The subscriber's coverage with the destination payer (2000B SBR, PAT) as the edits need it.
public struct Coverage: OutOfLineValue {
    public static let emptyBox = OutOfLineBox(Coverage())

    /// SBR01 payer responsibility sequence (P primary, S secondary, T tertiary, A–H, U).
    public var responsibility: String = ""
    /// SBR02: `18` when the subscriber is the patient, empty otherwise.
    public var subscriberRelationship: String = ""
    /// SBR03 group or policy number, SBR04 group name.
    public var groupNumber: String?
    public var groupName: String?
    /// SBR05 insurance type (Medicare secondary payer type).
    public var insuranceType: String?
    /// SBR09 claim filing indicator (MB Medicare Part B, MC Medicaid, CI commercial…).
    public var filingIndicator: String = ""
    /// 2010BA NM108 (MI member id, II unique health id).
    public var memberIDQualifier: String?
    /// PAT06 patient's date of death (2000B or 2000C PAT).
    public var patientDeathDate: CalendarDate?
    /// PAT08 patient weight in pounds.
    public var patientWeight: Double?
    /// PAT09 pregnancy indicator (Y).
    public var pregnant: Bool = false

    public init() {}
}
