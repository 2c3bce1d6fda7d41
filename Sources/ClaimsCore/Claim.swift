/// One professional claim (an 837P `CLM` and everything that applies to it), typed.
///
/// The parser builds one per CLM, folding in the billing provider, subscriber, patient and payer
/// loops above it, so that every later stage (validation, scoring, persistence, the 277CA) works
/// on a self-contained value. Fields hold PHI: never log them.
///
/// Optionals the initializer sets are spelled `Optional<…>`: a `T?` var starts as nil, and an
/// initializer assigning a property that already holds a value had the optimizer build the whole
/// claim in a temporary and copy it (the same holds for `ServiceLine`).
public struct Claim: Sendable, Equatable {
    /// CLM01, the submitter's patient control number (echoed in the 277CA and the 999 CTX).
    public var patientControlNumber: String
    /// CLM02.
    public var totalCharge: Amount
    /// CLM05-1.
    public var placeOfService: String
    /// CLM05-3: 1 original, 7 replacement, 8 void.
    public var frequencyCode: String
    /// REF*F8: the payer's claim number of the claim being replaced or voided.
    public var originalReference: Optional<String>
    /// The parties are kept out of line, one box for every claim of the same billing provider or
    /// subscriber: opening a claim copies their pointers instead of some thirty strings.
    @OutOfLine public var billingProvider: Provider
    @OutOfLine public var subscriber: Person
    /// The patient when not the subscriber (2000C/2010CA); nil when the subscriber is the patient.
    /// Inline: most claims have none.
    public var patient: Optional<Person>
    /// Whether there is a 2000C patient, tested in place: `patient == nil` copied the person out
    /// first (a memcpy and a retain of each of its strings) for each of the edits that ask.
    @inlinable public var hasPatient: Bool {
        if case .some = patient { true } else { false }
    }
    /// SBR02 (`18` self) or PAT01 when the patient is a dependent.
    public var patientRelationship: String
    @OutOfLine public var payer: Payer
    public var diagnoses: [Diagnosis]
    public var serviceLines: [ServiceLine] {
        didSet { updateServiceDates() }
    }
    /// The lines' service dates, found again whenever a line changes (the parser changes the last
    /// line a few times as its segments come) rather than for every use: the edits ask about fifteen
    /// times a claim, and the duplicate keys, the COPY rows and the 277CA read them a window after
    /// judging, when walking the lines meant cache misses on every claim.
    public private(set) var serviceDates: ServiceDates
    /// Earliest and latest service date over the lines, `to` dates included (the 277CA's DTP*472,
    /// the stored claim's range).
    public private(set) var serviceDateRange: Optional<ClosedRange<CalendarDate>>
    /// Where the claim sits in the file, for acknowledgments that point back at it.
    public var position: ClaimPosition
    /// SBR and PAT data of the destination payer's coverage.
    @OutOfLine public var coverage: Coverage
    /// CLM11–CLM20, dates, references and supplemental 2300 segments.
    @OutOfLine public var details: ClaimDetails
    /// Whether `details` was ever written: false while the claim keeps the shared empty box, as
    /// claims sending no CLM11–CLM20 and none of those segments do, so that edits reading the
    /// details alone can pass the claim over.
    @inlinable public var detailsWritten: Bool { $details != ObjectIdentifier(ClaimDetails.emptyBox) }
    /// Referring, rendering, facility, supervising, pay-to and ambulance locations.
    @OutOfLine public var providers: ClaimProviders
    /// 2320 other payers, in file order.
    public var otherPayers: [OtherPayer] = []
    /// CLM06 provider signature on file (Y/N), CLM07 assignment or plan participation (A/B/C),
    /// CLM08 benefits assignment certification (N/W/Y), CLM09 release of information (I/Y): sent
    /// on every claim, so kept here rather than in `details`.
    public var providerSignature: String?
    public var assignment: String?
    public var benefitsAssignment: String?
    public var releaseOfInformation: String?
    /// Amounts of the claim (2300, 2320) whose text was not a valid two-decimal amount.
    public var amountDefects: AmountDefects = []

    public init(
        patientControlNumber: String, totalCharge: Amount, placeOfService: String, frequencyCode: String,
        originalReference: String? = nil, billingProvider: Provider, subscriber: Person, patient: Person? = nil,
        patientRelationship: String, payer: Payer, diagnoses: [Diagnosis], serviceLines: [ServiceLine],
        position: ClaimPosition
    ) {
        self.init(
            patientControlNumber: patientControlNumber, totalCharge: totalCharge, placeOfService: placeOfService,
            frequencyCode: frequencyCode, originalReference: originalReference,
            sharing: OutOfLine(wrappedValue: billingProvider), OutOfLine(wrappedValue: subscriber),
            patient: patient, patientRelationship: patientRelationship, OutOfLine(wrappedValue: payer),
            .empty, diagnoses: diagnoses, serviceLines: serviceLines, position: position)
    }

    /// A claim sharing the boxes of its billing provider, subscriber, payer and coverage with the
    /// claims before it: the parser's, which holds them once for all their claims.
    init(
        patientControlNumber: String, totalCharge: Amount, placeOfService: String, frequencyCode: String,
        originalReference: String? = nil, sharing billingProvider: OutOfLine<Provider>, _ subscriber: OutOfLine<Person>,
        patient: Person?, patientRelationship: String, _ payer: OutOfLine<Payer>, _ coverage: OutOfLine<Coverage>,
        diagnoses: [Diagnosis], serviceLines: [ServiceLine], position: ClaimPosition
    ) {
        self.patientControlNumber = patientControlNumber
        self.totalCharge = totalCharge
        self.placeOfService = placeOfService
        self.frequencyCode = frequencyCode
        self.originalReference = originalReference
        _billingProvider = billingProvider
        _subscriber = subscriber
        self.patient = patient
        self.patientRelationship = patientRelationship
        _payer = payer
        _coverage = coverage
        self.diagnoses = diagnoses
        self.serviceLines = serviceLines
        self.position = position
        _details = .empty
        _providers = .empty
        serviceDates = ServiceDates(serviceLines)
        serviceDateRange = Self.serviceDateRange(of: serviceLines)
    }

    private mutating func updateServiceDates() {
        serviceDates = ServiceDates(serviceLines)
        serviceDateRange = Self.serviceDateRange(of: serviceLines)
    }

    private static func serviceDateRange(of lines: [ServiceLine]) -> ClosedRange<CalendarDate>? {
        lines.withUnsafeBufferPointer { lines in
            var range: ClosedRange<CalendarDate>?
            for index in lines.indices {
                let from = lines[index].serviceDateFrom
                widen(&range, with: from)
                widen(&range, with: lines[index].serviceDateTo ?? from)
            }
            return range
        }
    }

    /// `range` grown to take in `date`. A function of its own: a nested one, capturing the bounds
    /// inside the buffer's closure, boxed them and had every access to them checked at run time
    /// (`swift_beginAccess` in `perf` profiles of the 277CA).
    private static func widen(_ range: inout ClosedRange<CalendarDate>?, with date: CalendarDate?) {
        guard let date else { return }
        range = range.map { min($0.lowerBound, date)...max($0.upperBound, date) } ?? date...date
    }
}

/// Where a claim was found: enough to name it in a 999 (IK3 position, CTX) or an error record.
public struct ClaimPosition: Sendable, Equatable, Hashable {
    /// Index of the interchange, group and transaction set in the file (0-based).
    public var interchange: Int
    public var group: Int
    public var transactionSet: Int
    /// ST02 of the transaction set.
    public var transactionSetControlNumber: String
    /// Position of the CLM segment counted from ST (ST = 1), as the 999's IK302 counts.
    public var segmentPosition: Int
    /// Index of the 2000A billing provider loop within the transaction set (0-based).
    public var billingProviderIndex: Int
    /// Position of the last segment of the claim's 2300 loop (its service lines included).
    public var lastSegmentPosition: Int
    /// Position of the HL of the 2000B subscriber level above the claim: errors between it and
    /// the CLM concern every claim of that subscriber (or of the patient level, when present).
    public var subscriberPosition: Int

    public init(
        interchange: Int, group: Int, transactionSet: Int, transactionSetControlNumber: String,
        segmentPosition: Int, billingProviderIndex: Int, lastSegmentPosition: Int? = nil, subscriberPosition: Int = 0
    ) {
        self.interchange = interchange
        self.group = group
        self.transactionSet = transactionSet
        self.transactionSetControlNumber = transactionSetControlNumber
        self.segmentPosition = segmentPosition
        self.billingProviderIndex = billingProviderIndex
        self.lastSegmentPosition = lastSegmentPosition ?? segmentPosition
        self.subscriberPosition = subscriberPosition
    }
}

/// Billing provider (2010AA).
public struct Provider: OutOfLineValue, Hashable {
    public static let emptyBox = OutOfLineBox(
        Provider(entityType: "", lastOrOrganizationName: "", npi: nil, taxID: nil, address: nil))

    /// NM102: `1` person, `2` organisation.
    public var entityType: String
    public var lastOrOrganizationName: String
    public var firstName: String?
    /// NM109 when NM108 = XX.
    public var npi: String?
    /// REF*EI or REF*SY.
    public var taxID: String?
    public var taxonomy: String?
    public var address: Address?

    public init(
        entityType: String, lastOrOrganizationName: String, firstName: String? = nil, npi: String?,
        taxID: String?, taxonomy: String? = nil, address: Address?
    ) {
        self.entityType = entityType
        self.lastOrOrganizationName = lastOrOrganizationName
        self.firstName = firstName
        self.npi = npi
        self.taxID = taxID
        self.taxonomy = taxonomy
        self.address = address
    }
}

/// Subscriber (2010BA) or patient (2010CA) demographics: PHI.
public struct Person: OutOfLineValue {
    public static let emptyBox = OutOfLineBox(Person(lastName: ""))

    public var lastName: String
    public var firstName: String?
    /// NM109 (member id) for a subscriber; patients have none in 5010.
    public var memberID: String?
    public var birthDate: CalendarDate?
    /// DMG03: F, M or U.
    public var gender: String?
    public var address: Address?

    public init(
        lastName: String, firstName: String? = nil, memberID: String? = nil, birthDate: CalendarDate? = nil,
        gender: String? = nil, address: Address? = nil
    ) {
        self.lastName = lastName
        self.firstName = firstName
        self.memberID = memberID
        self.birthDate = birthDate
        self.gender = gender
        self.address = address
    }
}

/// Payer (2010BB).
public struct Payer: OutOfLineValue {
    public static let emptyBox = OutOfLineBox(Payer(name: "", identifier: ""))

    public var name: String
    /// NM109 (PI payer id or XV).
    public var identifier: String
    public var address: Address?

    public init(name: String, identifier: String, address: Address? = nil) {
        self.name = name
        self.identifier = identifier
        self.address = address
    }
}

/// An N3/N4 pair.
public struct Address: Sendable, Equatable, Hashable {
    public var line1: String
    public var line2: String?
    public var city: String
    public var state: String?
    public var postalCode: String?

    public init(line1: String, line2: String? = nil, city: String, state: String?, postalCode: String?) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
    }
}

/// One HI code with its qualifier (`ABK` principal, `ABF` other; ICD-9 `BK`/`BF` in old files).
public struct Diagnosis: Sendable, Equatable {
    public var qualifier: String
    public var code: String

    public init(qualifier: String, code: String) {
        self.qualifier = qualifier
        self.code = code
    }
}

/// One 2400 service line. (Optionals its initializer sets are spelled `Optional<…>`: see `Claim`.)
public struct ServiceLine: Sendable, Equatable {
    /// LX01.
    public var lineNumber: Int
    /// SV101-1 (HC for HCPCS/CPT).
    public var procedureQualifier: String
    /// SV101-2.
    public var procedureCode: String
    /// SV101-3 through SV101-6.
    public var modifiers: [String]
    /// SV102.
    public var charge: Amount
    /// SV103: UN units, MJ minutes.
    public var unitBasis: String
    /// SV104.
    public var units: Double
    /// SV105 when it differs from the claim's place of service.
    public var placeOfService: Optional<String>
    /// SV107-1…4: 1-based pointers into the claim's diagnoses.
    public var diagnosisPointers: DiagnosisPointers
    /// DTP*472 (D8, or the first date of RD8).
    public var serviceDateFrom: CalendarDate?
    /// Last date of an RD8 range.
    public var serviceDateTo: CalendarDate?
    /// Everything else the line carries that edits read. A line sending nothing but LX, SV1 and
    /// DTP keeps the shared empty box (`$details` is `LineDetails.emptyBox`'s identity), so that
    /// edits reading the details alone can pass it over without reading them.
    @OutOfLine public var details: LineDetails
    /// Amounts of the line (SV102, SV104, 2430) whose text was not a valid two-decimal amount.
    public var amountDefects: AmountDefects = []

    public init(
        lineNumber: Int, procedureQualifier: String, procedureCode: String, modifiers: [String], charge: Amount,
        unitBasis: String, units: Double, placeOfService: String? = nil, diagnosisPointers: DiagnosisPointers,
        serviceDateFrom: CalendarDate?, serviceDateTo: CalendarDate? = nil
    ) {
        self.lineNumber = lineNumber
        self.procedureQualifier = procedureQualifier
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.charge = charge
        self.unitBasis = unitBasis
        self.units = units
        self.placeOfService = placeOfService
        self.diagnosisPointers = diagnosisPointers
        self.serviceDateFrom = serviceDateFrom
        self.serviceDateTo = serviceDateTo
        _details = .empty
    }
}
