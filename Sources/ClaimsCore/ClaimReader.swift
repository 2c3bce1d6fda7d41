#if canImport(Glibc)
    import Glibc
#endif
import X12
import X12Schema

/// Builds typed claims from one 837P transaction set while the loop walker places its segments.
///
/// Each loop's data lands in the entity it describes (billing provider, subscriber, patient,
/// payer, claim, line), so that a name in loop 2330A (another payer's subscriber) can never be
/// mistaken for the claim's subscriber in 2010BA.
///
/// Usable from inlinable code, so that a walk beside another module's visitor
/// (`ClaimParser.parse(_:alongside:)`) is specialised for the pair and calls the reader directly.
@usableFromInline
struct ClaimReader: LoopVisitor {
    let interchangeIndex: Int
    let groupIndex: Int
    let transactionSetIndex: Int
    let controlNumber: String

    @usableFromInline private(set) var header: SubmissionHeader
    /// The claims read, the last one still open while `claimIsOpen` (until its 2300 loop ends):
    /// each is built in place at the end of the array. Held aside in an optional until it
    /// closed, a claim (some 600 bytes) was moved into it, out of it and into the array.
    @usableFromInline private(set) var claims: [Claim] = []
    private var claimIsOpen = false

    private var billingProviderIndex = -1
    /// The parties of the current billing provider and subscriber levels, boxed once and shared by
    /// each of their claims; a new level starts new boxes, leaving the earlier claims theirs.
    @OutOfLine private var billingProvider: Provider
    @OutOfLine private var subscriber: Person
    private var subscriberPosition = 0
    private var subscriberRelationship = ""
    @OutOfLine var payer: Payer
    /// The payers the set's subscriber levels named so far, by the bytes of their 2010BB NM1, each
    /// as it stood after that segment (see `readPayer`).
    private var namedPayers: [(segment: Range<Int>, box: OutOfLineBox<Payer>)] = []
    private var patient: Person?
    private var patientRelationship: String?
    /// The open claim's service lines, handed to it when it closes: changed on the claim as their
    /// segments came, each change had the claim find its service dates again.
    private var lines: [ServiceLine] = []
    private var lastPosition = 0
    /// SBR/PAT of the current subscriber level.
    @OutOfLine var coverage: Coverage
    /// 2010AB of the current billing provider.
    var payToAddress: Address?

    init(interchangeIndex: Int, groupIndex: Int, transactionSetIndex: Int, controlNumber: String) {
        self.interchangeIndex = interchangeIndex
        self.groupIndex = groupIndex
        self.transactionSetIndex = transactionSetIndex
        self.controlNumber = controlNumber
        _billingProvider = .empty
        _subscriber = .empty
        _payer = .empty
        _coverage = .empty
        header = SubmissionHeader(
            transactionSetControlNumber: controlNumber, purpose: "", batchReference: "", creationDate: nil,
            claimOrEncounter: "", submitter: Party(entityType: "", name: "", identifier: ""),
            receiver: Party(entityType: "", name: "", identifier: ""))
    }

    @usableFromInline mutating func enter(_ loop: LoopSchema, position: Int) {
        switch loop.key {
        case "2000A":
            billingProviderIndex += 1
            _billingProvider = .empty
            payToAddress = nil
        case "2000B":
            _coverage = .empty
            _subscriber = .empty
            subscriberPosition = position
            subscriberRelationship = ""
            _payer = .empty
            patient = nil
            patientRelationship = nil
        case "2000C":
            patient = Person(lastName: "")
        default:
            break
        }
    }

    mutating func reserveClaims(_ count: Int) { claims.reserveCapacity(count) }

    @usableFromInline mutating func exit(_ loop: LoopSchema) {
        guard loop.key == "2300", claimIsOpen else { return }
        claimIsOpen = false
        let last = claims.count - 1
        claims[last].position.lastSegmentPosition = lastPosition
        claims[last].serviceLines = lines
        lines = []
    }

    @usableFromInline mutating func visit(_ segment: Segment, schema: SegmentSchema, loop: LoopSchema, position: Int) {
        lastPosition = position
        switch (loop.key, segment.id) {
        case ("ST", "BHT"):
            header.purpose = segment[2].string
            header.batchReference = segment[3].string
            header.creationDate = CalendarDate(x12: segment[4].bytes)
            header.claimOrEncounter = segment[6].string
        case ("1000A", "NM1"):
            header.submitter = Self.party(segment)
        case ("1000B", "NM1"):
            header.receiver = Self.party(segment)
        case ("2000A", "PRV"):
            billingProvider.taxonomy = segment[3].value
        case ("2010AA", "NM1"):
            billingProvider.entityType = segment[2].string
            billingProvider.lastOrOrganizationName = segment[3].string
            billingProvider.firstName = segment[4].value
            billingProvider.npi = segment[8].equals("XX") ? segment[9].value : nil
        case ("2010AA", "N3"):
            billingProvider.address.read(segment)
        case ("2010AA", "N4"):
            billingProvider.address.read(segment)
        case ("2010AA", "REF") where segment[1].equals("EI") || segment[1].equals("SY"):
            billingProvider.taxID = segment[2].value
        case ("2000B", "SBR"):
            subscriberRelationship = segment[2].string
            readCoverage(segment)
        case ("2010BA", "NM1"):
            subscriber.readName(segment)
            subscriber.memberID = segment[9].value
            coverage.memberIDQualifier = segment[8].value
        case ("2010BA", "N3"):
            subscriber.address.read(segment)
        case ("2010BA", "N4"):
            subscriber.address.read(segment)
        case ("2010BA", "DMG"):
            subscriber.readDemographics(segment)
        case ("2010BB", "NM1"):
            readPayer(segment)
        case ("2000C", "PAT"):
            patientRelationship = segment[1].string
            readPatientInformation(segment)
        case ("2010CA", "NM1"):
            patient?.readName(segment)
        case ("2010CA", "N3"):
            patient?.address.read(segment)
        case ("2010CA", "N4"):
            patient?.address.read(segment)
        case ("2010CA", "DMG"):
            patient?.readDemographics(segment)
        case ("2300", "CLM"):
            startClaim(segment, position: position)
        case ("2300", "REF") where segment[1].equals("F8"):
            updateClaim { $0.originalReference = segment[2].value }
        case ("2300", "HI") where schema.name == "Health Care Diagnosis Code":
            updateClaim { $0.diagnoses = Self.diagnoses(segment) }
        case ("2400", "LX"):
            // Room for most claims' lines at once: grown one by one, two or three lines meant as
            // many allocations and moves.
            if lines.isEmpty { lines.reserveCapacity(4) }
            lines.append(
                ServiceLine(
                    lineNumber: Self.integer(segment[1]) ?? 0, procedureQualifier: "", procedureCode: "",
                    modifiers: [], charge: .zero, unitBasis: "", units: 0, diagnosisPointers: [], serviceDateFrom: nil))
        case ("2400", "SV1"):
            updateLastLine { Self.serviceLine(segment, into: &$0) }
        case ("2400", "DTP") where segment[1].equals("472"):
            updateLastLine { Self.serviceDates(segment, into: &$0) }
        default:
            readDetail(segment, loop: loop.key)
        }
    }

    // MARK: Segment readers

    /// SBR, which opens the subscriber level's coverage: filled in place in a new box of its own
    /// (each write checks the box is unique, a few instructions); read aside and then boxed, the
    /// whole coverage was copied into the box.
    private mutating func readCoverage(_ segment: Segment) {
        _coverage = OutOfLine(boxing: Coverage())
        coverage.responsibility = segment[1].string
        coverage.subscriberRelationship = segment[2].string
        coverage.groupNumber = segment[3].value
        coverage.groupName = segment[4].value
        coverage.insuranceType = segment[5].value
        coverage.filingIndicator = segment[9].string
    }

    /// 2010BB NM1: the payer box of an earlier subscriber level that named the payer in the same
    /// bytes, shared, or a new one. A batch names a handful of payers, and boxing each level's
    /// afresh cost an allocation and its name's (most payer names are longer than a short
    /// string's 15 bytes), and their frees. A later segment of the loop (N3, N4) changes a copy
    /// of a shared box, never the box, so a payer with an address is not shared by one without.
    private mutating func readPayer(_ segment: Segment) {
        let bytes = segment.file[segment.range]
        if let named = namedPayers.first(where: { Self.sameBytes(segment.file[$0.segment], bytes) }) {
            _payer = OutOfLine(box: named.box)
            return
        }
        payer.name = segment[3].string
        payer.identifier = segment[9].string
        if namedPayers.count < 16 { namedPayers.append((segment.range, _payer.box)) }
    }

    static func sameBytes(_ a: X12Source.ByteSlice, _ b: X12Source.ByteSlice) -> Bool {
        guard a.count == b.count else { return false }
        guard let first = a.base.baseAddress, let second = b.base.baseAddress else { return a.isEmpty }
        return memcmp(first + a.startIndex, second + b.startIndex, a.count) == 0
    }

    private mutating func startClaim(_ segment: Segment, position: Int) {
        let facility = segment[5], charge = segment[2]
        let totalCharge = Amount(x12: charge.bytes)
        claims.append(Claim(
            patientControlNumber: segment[1].string,
            totalCharge: totalCharge ?? .zero,
            placeOfService: facility.component(1).string,
            frequencyCode: facility.component(3).string,
            sharing: _billingProvider, _subscriber, patient: patient,
            patientRelationship: patientRelationship ?? subscriberRelationship,
            _payer, _coverage,
            diagnoses: [],
            serviceLines: [],
            position: ClaimPosition(
                interchange: interchangeIndex, group: groupIndex, transactionSet: transactionSetIndex,
                transactionSetControlNumber: controlNumber, segmentPosition: position,
                billingProviderIndex: billingProviderIndex, subscriberPosition: subscriberPosition)))
        claimIsOpen = true
        // Read aside: the closure changes the claims, which are the reader's too.
        let payToAddress = payToAddress
        updateClaim { opened in
            if let payToAddress { opened.providers.payToAddress = payToAddress }
            if totalCharge == nil, !charge.isEmpty { opened.amountDefects.insert(.claimCharge) }
            Self.readClaimElements(segment, into: &opened)
        }
    }

    /// Changes the open claim, if any, in place.
    mutating func updateClaim(_ update: (inout Claim) -> Void) {
        guard claimIsOpen else { return }
        update(&claims[claims.count - 1])
    }

    /// Updates the open claim's last service line in place.
    mutating func updateLastLine(_ update: (inout ServiceLine) -> Void) {
        guard !lines.isEmpty else { return }
        update(&lines[lines.count - 1])
    }

    private static func serviceLine(_ segment: Segment, into line: inout ServiceLine) {
        var procedure = segment[1].componentReader
        line.procedureQualifier = procedure.next().string
        line.procedureCode = procedure.next().string
        line.modifiers = (3...6).compactMap { _ in procedure.next().value }
        let charge = segment[2], units = segment[4]
        if let amount = Amount(x12: charge.bytes) {
            line.charge = amount
        } else {
            line.charge = .zero
            if !charge.isEmpty { line.amountDefects.insert(.lineCharge) }
        }
        if Self.decimalPlaces(units.bytes) > 3 { line.amountDefects.insert(.units) }
        // Written only when sent: most lines have none, and their details then stay unallocated.
        let description = procedure.next().value, emergency = segment[9].value
        let epsdt = segment[11].value, familyPlanning = segment[12].value
        if description != nil || emergency != nil || epsdt != nil || familyPlanning != nil {
            line.details.description = description
            line.details.emergency = emergency
            line.details.epsdt = epsdt
            line.details.familyPlanning = familyPlanning
        }
        line.unitBasis = segment[3].string
        line.units = Self.number(units) ?? 0
        line.placeOfService = segment[5].value
        var pointers = segment[7].componentReader
        var diagnosisPointers = DiagnosisPointers()
        for _ in 0..<DiagnosisPointers.capacity where !pointers.isAtEnd {
            if let pointer = Self.integer(pointers.next()) { diagnosisPointers.append(pointer) }
        }
        line.diagnosisPointers = diagnosisPointers
    }

    private static func serviceDates(_ segment: Segment, into line: inout ServiceLine) {
        let value = segment[3]
        if segment[2].equals("RD8") {
            line.serviceDateFrom = CalendarDate(x12: value.bytes.prefix(8))
            line.serviceDateTo = CalendarDate(x12: value.bytes.dropFirst(9))
        } else {
            line.serviceDateFrom = CalendarDate(x12: value.bytes)
        }
    }

    private static func diagnoses(_ segment: Segment) -> [Diagnosis] {
        var diagnoses: [Diagnosis] = []
        // Sized once: grown a code at a time, a claim's list was allocated two or three times.
        diagnoses.reserveCapacity(min(segment.elementCount, 12))
        for position in 1...12 {
            let element = segment[position]
            guard !element.isEmpty else { continue }
            var parts = element.componentReader
            diagnoses.append(Diagnosis(qualifier: parts.next().string, code: parts.next().string))
        }
        return diagnoses
    }

    private static func party(_ segment: Segment) -> Party {
        Party(
            entityType: segment[2].string, name: segment[3].string, firstName: segment[4].value,
            identifier: segment[9].string)
    }
}

extension Optional<Address> {
    /// N3 (a new address) or N4 (city, state and ZIP onto the address its N3 began, or onto a new
    /// one when N3 was missing), changed in place: passed in and returned, the street was copied.
    mutating func read(_ segment: Segment) {
        if segment.id == "N3" {
            self = Address(line1: segment[1].string, line2: segment[2].value, city: "", state: nil, postalCode: nil)
            return
        }
        if case .none = self { self = Address(line1: "", city: "", state: nil, postalCode: nil) }
        self!.city = segment[1].string
        self!.state = segment[2].value
        self!.postalCode = segment[3].value
    }
}

extension Person {
    /// NM103–NM104. Methods of the person, so that the reader's optional patient is changed in
    /// place through `patient?.`: testing it against nil first copied it.
    fileprivate mutating func readName(_ segment: Segment) {
        lastName = segment[3].string
        firstName = segment[4].value
    }

    fileprivate mutating func readDemographics(_ segment: Segment) {
        birthDate = CalendarDate(x12: segment[2].bytes)
        gender = segment[3].value
    }
}
