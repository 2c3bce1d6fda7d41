/// The 2300 data beyond CLM01–CLM09 that situational edits (SNIP 4) and partner rules (SNIP 7)
/// read: CLM11–CLM20, the claim dates, references and supplemental segments, all of which most
/// claims leave out. PHI-free except the dates, which never leave validation.
public struct ClaimDetails: OutOfLineValue {
    public static let emptyBox = OutOfLineBox(ClaimDetails())

    /// CLM11-1…3 related causes (AA auto accident, EM employment, OA other accident).
    public var relatedCauses: [String] = []
    /// CLM11-4 state of the auto accident.
    public var accidentState: String?
    /// CLM11-5 country of the accident.
    public var accidentCountry: String?
    /// CLM12 special program code.
    public var specialProgram: String?
    /// CLM20 delay reason code.
    public var delayReason: String?
    /// DTP dates of the claim by qualifier (431 onset, 439 accident, 484 LMP, 435 admission…).
    public var dates = ClaimDates()
    /// AMT*F5 patient amount paid.
    public var patientPaid: Amount?
    /// REF*G1 prior authorization, REF*9F referral, REF*X4 CLIA, REF*D9, REF*EA, REF*4N.
    public var priorAuthorization: String?
    public var referralNumber: String?
    public var cliaNumber: String?
    public var serviceAuthorizationException: String?
    public var mammographyCertification: String?
    /// PWK: report type (PWK01), transmission (PWK02) and attachment control number (PWK06).
    public var attachments: [Attachment] = []
    /// CR1 ambulance transport: present, weight (CR102), miles (CR106).
    public var ambulance: AmbulanceTransport?
    /// CR2 spinal manipulation present.
    public var hasSpinalManipulation = false
    /// HI*BP/BO anesthesia related procedure codes, HI*BG condition codes.
    public var anesthesiaProcedures: [String] = []
    public var conditionCodes: [String] = []

    public init() {}
}

/// The claim's dated events (2300 DTP), each optional; ranges as from/to pairs.
public struct ClaimDates: Sendable, Equatable {
    public var onset: CalendarDate?
    public var initialTreatment: CalendarDate?
    public var lastSeen: CalendarDate?
    public var acuteManifestation: CalendarDate?
    public var accident: CalendarDate?
    public var lastMenstrualPeriod: CalendarDate?
    public var lastXRay: CalendarDate?
    public var hearingVisionPrescription: CalendarDate?
    public var disabilityFrom: CalendarDate?
    public var disabilityTo: CalendarDate?
    public var lastWorked: CalendarDate?
    public var returnToWork: CalendarDate?
    public var admission: CalendarDate?
    public var discharge: CalendarDate?
    public var assumedCare: CalendarDate?
    public var relinquishedCare: CalendarDate?
    public var firstContact: CalendarDate?

    public init() {}
}

/// One PWK attachment reference.
public struct Attachment: Sendable, Equatable {
    public var reportType: String
    public var transmission: String
    public var controlNumber: String?

    public init(reportType: String, transmission: String, controlNumber: String? = nil) {
        self.reportType = reportType
        self.transmission = transmission
        self.controlNumber = controlNumber
    }
}

/// CR1 ambulance transport information.
public struct AmbulanceTransport: Sendable, Equatable {
    public var weight: Double?
    public var reason: String?
    public var miles: Double?

    public init(weight: Double? = nil, reason: String? = nil, miles: Double? = nil) {
        self.weight = weight
        self.reason = reason
        self.miles = miles
    }
}
