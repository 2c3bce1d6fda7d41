import ClaimsCore

/// Builds synthetic claims: claim *n* of a seed is a pure function of the seed, the reference date
/// and *n*, whatever else is generated, so claims can be produced in any order or in parallel.
///
/// Service dates fall within the 90 days before `referenceDate`, never after it, and birth dates
/// make every patient older than a year on the service date.
public struct ClaimGenerator: Sendable {
    public let seed: UInt64
    public let referenceDate: CalendarDate
    let roster: SyntheticRoster

    public init(seed: UInt64, referenceDate: CalendarDate) {
        self.seed = seed
        self.referenceDate = referenceDate
        roster = SyntheticRoster(seed: seed)
    }

    /// The claim at 0-based position `index` of the file.
    public func claim(at index: Int) -> SyntheticClaim {
        var rng = SplitMix64(seed: seed, stream: 2, index: UInt64(index))
        let practice = rng.pick(weighted: roster.practices.map { ($0, $0.volume) })
        let payer = rng.pick(weighted: SyntheticRoster.payers)
        let home = rng.chance(85) ? practice.place : rng.pick(SyntheticPlace.all)
        let subscriber = person(
            ageRange: payer.isMedicare ? 65...92 : 19...64, lastName: rng.pick(SyntheticNames.last),
            address: address(in: home, using: &rng), using: &rng)
        // Medicare members are their own subscribers; other plans cover spouses and children.
        let dependent = !payer.isMedicare && rng.chance(30) ? dependent(of: subscriber, using: &rng) : nil

        let shape = rng.pick(weighted: practice.specialty.shapes)
        var placeOfService = rng.pick(weighted: practice.specialty.placesOfService)
        // Only visits happen by video; anything with a procedure or a specimen happens on site.
        let telehealth = ["02", "10"]
        if telehealth.contains(placeOfService), shape != .problemVisit, shape != .chronicCare { placeOfService = "11" }
        let plan = shape.plan(using: &rng, inPerson: !telehealth.contains(placeOfService))

        let replacement = rng.chance(4)
        return SyntheticClaim(
            index: index,
            patientControlNumber: rng.characters(2, from: "ABCDEFGHJKLMNPRSTUVWXYZ")
                + String(zeroPadded: index + 1, width: 8),
            billingProvider: practice.provider, payer: payer, subscriber: subscriber,
            memberID: SyntheticIdentifiers.memberID(for: payer, using: &rng),
            groupNumber: payer.hasGroupNumber ? "G" + rng.digits(rng.int(in: 5...8)) : nil,
            patient: dependent?.person, patientRelationship: dependent?.relationship, placeOfService: placeOfService,
            frequencyCode: replacement ? "7" : "1", originalReference: replacement ? rng.digits(13) : nil,
            diagnoses: plan.diagnoses, serviceLines: serviceLines(plan.lines, at: practice, using: &rng))
    }

    /// A spouse (PAT01 `01`) or a child (`19`) living with the subscriber.
    private func dependent(
        of subscriber: SyntheticPerson, using rng: inout SplitMix64
    ) -> (person: SyntheticPerson, relationship: String) {
        let child = rng.chance(70)
        let lastName = rng.chance(85) ? subscriber.lastName : rng.pick(SyntheticNames.last)
        let person = person(
            ageRange: child ? 1...25 : 19...64, lastName: lastName, address: subscriber.address, using: &rng)
        return (person, child ? "19" : "01")
    }

    /// Priced and dated lines. The first is on the visit day; a few later ones (labs read, therapy
    /// continued) fall up to a week after it, never on or after the reference date, nor past the
    /// visit's year: a claim whose services span two years is rejected (SVC-022), and the
    /// generator writes clean claims.
    private func serviceLines(
        _ planned: [ClaimShape.PlannedLine], at practice: SyntheticRoster.Practice, using rng: inout SplitMix64
    ) -> [SyntheticServiceLine] {
        let visitDay = referenceDate.dayNumber - rng.int(in: 1...90)
        let visitYear = CalendarDate(dayNumber: visitDay).year
        let lastDay = min(referenceDate.dayNumber - 1, CalendarDate(year: visitYear, month: 12, day: 31)!.dayNumber)
        return planned.enumerated().map { position, line in
            let units = rng.int(in: line.procedure.units)
            let day = position == 0 || rng.chance(90) ? visitDay : min(visitDay + rng.int(in: 1...7), lastDay)
            return SyntheticServiceLine(
                procedureCode: line.procedure.code, modifiers: line.modifiers,
                charge: Amount(cents: unitCharge(line.procedure, at: practice) * Int64(units)), units: units,
                diagnosisPointers: line.pointers, serviceDate: CalendarDate(dayNumber: day))
        }
    }

    private func person(
        ageRange: ClosedRange<Int>, lastName: String, address: SyntheticAddress, using rng: inout SplitMix64
    ) -> SyntheticPerson {
        let female = rng.chance(52)
        let ageInDays = rng.int(in: ageRange) * 365 + rng.int(in: 100...364)
        return SyntheticPerson(
            lastName: lastName, firstName: rng.pick(female ? SyntheticNames.femaleFirst : SyntheticNames.maleFirst),
            middleInitial: rng.chance(40) ? rng.pick(SyntheticNames.middleInitials) : nil, gender: female ? "F" : "M",
            birthDate: CalendarDate(dayNumber: referenceDate.dayNumber - ageInDays), address: address)
    }

    /// A home address in `place`; members' ZIP codes are five digits, sometimes nine.
    private func address(in place: SyntheticPlace, using rng: inout SplitMix64) -> SyntheticAddress {
        SyntheticAddress(
            street: SyntheticNames.streetLine(numbers: 10...9999, using: &rng),
            street2: rng.chance(15) ? "APT \(rng.int(in: 1...40))" : nil, city: place.city, state: place.state,
            postalCode: place.zip + (rng.chance(30) ? String(rng.int(in: 1000...9999)) : ""))
    }

    /// One unit's charge: list price scaled by the practice's fee level, in whole dollars unless
    /// the practice bills cents.
    private func unitCharge(_ procedure: SyntheticProcedure, at practice: SyntheticRoster.Practice) -> Int64 {
        let cents = procedure.unitPrice * practice.feePercent / 100
        return practice.chargesCents ? cents : max(100, (cents + 50) / 100 * 100)
    }
}
