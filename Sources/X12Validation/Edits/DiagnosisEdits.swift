import ClaimsCore

/// SNIP 5 on the claim's diagnoses (2300 HI): ICD-10-CM validity on the date of service,
/// billability, and the sex and age limits the classification itself implies.
enum DiagnosisEdits {
    /// One group judged in one pass over the codes: DX-001 to DX-008 from each ICD-10-CM code's
    /// shape and standing (looked up once for the four edits that read it), DX-009 to DX-016 from
    /// the codes against the patient's sex and age and against each other. Two passes (and two
    /// steps of the validator's loop) copied each diagnosis twice.
    static let rules: [any ClaimRule] = CheckGroup.rules(codeSetEdits + demographicEdits, judge: judge)

    /// DX-001 to DX-008, principal and secondary.
    static let codeSetEdits: [Edit] = [
        pair("DX-001", "DX-002", "is not shaped like an ICD-10-CM code (letter, digit, then 1–5 characters, no dot)",
            fix: "Send the ICD-10-CM code without the decimal point, e.g. E119 for E11.9."),
        pair("DX-003", "DX-004", "is not an ICD-10-CM code",
            fix: "Check the code against the ICD-10-CM tabular list for the date of service."),
        pair("DX-005", "DX-006", "is not valid on the date of service (not yet effective, or deleted)",
            fix: "Use the ICD-10-CM release in force on the date of service (fiscal years start October 1)."),
        pair("DX-007", "DX-008", "is a category, not a billable code: more characters are required",
            fix: "Code to the highest specificity: a billable leaf code, with the 7th character where one is required."),
    ].flatMap { $0 }

    /// DX-009 to DX-016.
    static let demographicEdits: [Edit] = [
        .business(
            "DX-009", snip: 5, "2300 HI01-2", "the principal diagnosis is an external cause code (V00–Y99)",
            fix: "External causes describe how an injury happened; list the injury or condition first.", "A7:254"),
        .business(
            "DX-010", snip: 5, "2300 HI", "a diagnosis for female patients only (pregnancy, female genital organs) on a male patient",
            fix: "Check the patient's gender (DMG03) and the diagnosis code.", "A8:86"),
        .business(
            "DX-011", snip: 5, "2300 HI", "a diagnosis for male patients only (male genital organs, prostate) on a female patient",
            fix: "Check the patient's gender (DMG03) and the diagnosis code.", "A8:86"),
        .business(
            "DX-012", snip: 5, "2300 HI", "a liveborn infant code (Z38) on a patient older than one year",
            fix: "Z38 codes belong only on the newborn's birth record; check the code and the birth date.", "A8:255"),
        .business(
            "DX-013", snip: 5, "2300 HI", "a perinatal condition code (P00–P96) on a patient older than one year",
            fix: "Perinatal codes are for conditions originating in the perinatal period; check the code.", "A8:255",
            warn: true),
        .business(
            "DX-014", snip: 5, "2300 HI", "a pregnancy code (O00–O9A) on a patient younger than 9 or older than 64",
            fix: "Check the patient's birth date and the diagnosis code.", "A8:255", warn: true),
        .business(
            "DX-015", snip: 5, "2300 HI", "the same diagnosis code is reported twice",
            fix: "List each diagnosis once.", "A7:255", warn: true),
        .business(
            "DX-016", snip: 5, "2300 HI01-1", "ICD-9-CM qualifiers (BK/BF) on services from October 1, 2015 on",
            fix: "Code services from 2015-10-01 on in ICD-10-CM with qualifiers ABK (principal) and ABF.", "A7:700"),
    ]

    /// Bits 0–7 for `codeSetEdits` (principal and secondary in turn), 8–15 for `demographicEdits`.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        let dates = claim.serviceDates
        let female = femaleOnly, male = maleOnly, liveborn = newborn, perinatalRanges = perinatal, pregnancyRanges = pregnancy
        var codeSet: UInt64 = 0
        var femaleCode = false, maleCode = false, livebornCode = false, perinatalCode = false, pregnancyCode = false
        var icd9 = false, externalCause = false, repeated = false
        let codes = claim.diagnoses
        for index in codes.indices {
            let diagnosis = codes[index]
            repeated = repeated || codes[..<index].contains { $0.code == diagnosis.code }
            guard diagnosis.isICD10 else {
                icd9 = icd9 || diagnosis.qualifier == "BK" || diagnosis.qualifier == "BF"
                continue
            }
            let secondary = index == 0 ? 0 : 1
            let shaped = isICD10Shaped(diagnosis.code)
            let standing = lookup(diagnosis.code, context.codeSets, dates)
            codeSet |= bit(secondary, !shaped) | bit(2 + secondary, shaped && standing == .unknown)
                | bit(4 + secondary, standing == .notValidOnDate)
            if case .valid(let flags) = standing { codeSet |= bit(6 + secondary, flags.contains(.header)) }
            if index == 0 { externalCause = isExternalCause(diagnosis.code) }
            let key = pack(diagnosis.code)
            guard rangeInitials & initialBit(key) != 0 else { continue }
            femaleCode = femaleCode || inRanges(key, female)
            maleCode = maleCode || inRanges(key, male)
            livebornCode = livebornCode || inRanges(key, liveborn)
            perinatalCode = perinatalCode || inRanges(key, perinatalRanges)
            pregnancyCode = pregnancyCode || inRanges(key, pregnancyRanges)
        }
        let gender = claim.patientGender
        let age = claim.patientBirthDate.flatMap { birth in dates.first.map { birth.years(until: $0) } }
        let olderThanOne = (age ?? 0) >= 1
        let demographic = bit(0, externalCause) | bit(1, gender == "M" && femaleCode) | bit(2, gender == "F" && maleCode)
            | bit(3, olderThanOne && livebornCode) | bit(4, olderThanOne && perinatalCode)
            | bit(5, age.map { $0 < 9 || $0 > 64 } == true && pregnancyCode) | bit(6, repeated)
            | bit(7, dates.last.map { $0 >= icd10Start } == true && icd9)
        return codeSet | demographic << 8
    }

    static let icd10Start = CalendarDate(year: 2015, month: 10, day: 1)!

    /// Two edits, one for the principal diagnosis (HI01) and one for the others, with the
    /// 277CA status the guide gives each (254 principal, 255 other).
    static func pair(_ principalID: String, _ otherID: String, _ problem: String, fix: String) -> [Edit] {
        [
            .business(principalID, snip: 5, "2300 HI01-2", "the principal diagnosis \(problem)", fix: fix, "A7:254"),
            .business(otherID, snip: 5, "2300 HI02-2…HI12-2", "a secondary diagnosis \(problem)", fix: fix, "A7:255"),
        ]
    }

    /// ICD-10-CM validity over the claim's service dates: valid when valid on the first or the
    /// last date (services spanning a release change).
    static func lookup(_ code: String, _ sets: CodeSets, _ dates: ServiceDates) -> CodeSet.Lookup {
        let first = sets.icd10cm.lookup(code, on: dates.first)
        guard case .valid = first else {
            guard let last = dates.last, last != dates.first else { return first }
            let second = sets.icd10cm.lookup(code, on: last)
            if case .valid = second { return second }
            return first
        }
        return first
    }

    static func isICD10Shaped(_ code: String) -> Bool {
        code.withBytes { bytes in
            guard (3...7).contains(bytes.count) else { return false }
            func isLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
            return isLetter(bytes[0]) && ValueSyntax.isDigit(bytes[1])
                && bytes[2...].allSatisfy { isLetter($0) || ValueSyntax.isDigit($0) }
        }
    }

    static func isExternalCause(_ code: String) -> Bool {
        let first = code.firstByte
        return first == UInt8(ascii: "V") || first == UInt8(ascii: "W") || first == UInt8(ascii: "X")
            || first == UInt8(ascii: "Y")
    }

    // MARK: Ranges of ICD-10-CM categories (first three characters), from the chapter and block
    // structure of the tabular list.

    typealias Range3 = (low: UInt32, high: UInt32)

    static func range(_ low: String, _ high: String) -> Range3 { (pack(low), pack(high)) }

    static func pack(_ code: String) -> UInt32 {
        code.withBytes { bytes in
            var value: UInt32 = 0
            for index in 0..<4 { value = value << 8 | UInt32(index < bytes.count ? bytes[index] : 0) }
            return value
        }
    }

    /// Whether a code's first four characters (`pack`ed) fall in one of `ranges` (bounds may be
    /// 3 or 4 characters; a 3-character upper bound covers all its subcategories).
    static func inRanges(_ key: UInt32, _ ranges: [Range3]) -> Bool {
        ranges.contains { key >= $0.low && key <= ($0.high | (($0.high & 0xFF) == 0 ? 0xFF : 0)) }
    }

    /// The first letter of a `pack`ed code as a bit (A the lowest; none past Z).
    static func initialBit(_ key: UInt32) -> UInt32 {
        let letter = (key >> 24) &- UInt32(UInt8(ascii: "A"))
        return letter < 26 ? 1 << letter : 0
    }

    /// The first letters of every range below (each range's bounds share theirs): a code starting
    /// with none of them is in none, and is not searched five times.
    static let rangeInitials = (femaleOnly + maleOnly + newborn + perinatal + pregnancy).reduce(UInt32(0)) {
        $0 | initialBit($1.low) | initialBit($1.high)
    }

    static let femaleOnly = [
        range("O00", "O9A"), range("C51", "C58"), range("D06", "D06"), range("D070", "D073"), range("D25", "D28"),
        range("D39", "D39"), range("N70", "N98"), range("Q50", "Q52"), range("R87", "R87"), range("Z32", "Z37"),
        range("Z39", "Z3A"),
    ]
    static let maleOnly = [
        range("C60", "C63"), range("D074", "D076"), range("D29", "D29"), range("D40", "D40"), range("N40", "N53"),
        range("Q53", "Q55"), range("R86", "R86"), range("Z125", "Z125"),
    ]
    static let newborn = [range("Z38", "Z38")]
    static let perinatal = [range("P00", "P96")]
    static let pregnancy = [range("O00", "O9A")]
}

extension Diagnosis {
    /// ICD-10-CM (qualifiers ABK, ABF); ICD-9-CM codes (BK, BF) follow other rules.
    var isICD10: Bool { qualifier == "ABK" || qualifier == "ABF" }
}
