import ClaimsCore

/// SNIP 5 on procedures, modifiers, place of service and claim frequency: HCPCS Level II against
/// the CMS file for the date of service, CPT by format only (AMA-licensed), modifiers and their
/// combinations.
enum ProcedureEdits {
    /// The line-level edits as one group, each line's code kind and HCPCS standing found once
    /// for all of them, then the claim's two: a step of the validator's loop for each (three of
    /// them looking the same HCPCS code up again) cost every claim about 2,000 instructions.
    static let rules: [any ClaimRule] =
        CheckGroup.lineRules(lineEdits, judge: judge) + CheckGroup.rules(claimEdits, judge: judge)

    /// In the order `judge(_:_:_:)` gives their verdicts on a line.
    static let lineEdits: [Edit] = [
        .business(
            "SVC-002", snip: 5, "2400 SV101-2",
            "procedure code is neither a CPT code (5 digits, or 4 digits and F or T) nor a HCPCS Level II code (letter and 4 digits)",
            fix: "Send the procedure code without spaces or punctuation, e.g. 99213, 0001F, J3301.", "A7:454"),
        .business(
            "SVC-003", snip: 5, "2400 SV101-2", "HCPCS Level II code is not in the CMS HCPCS file",
            fix: "Check the code against the current CMS HCPCS Level II file.", "A7:507"),
        .business(
            "SVC-065", snip: 5, "2400 SV101-2", "HCPCS Level II code is not valid on the date of service",
            fix: "Use the code in force on the date of service; codes are added and terminated quarterly.", "A7:454"),
        .business(
            "SVC-067", snip: 5, "2400 SV101-2", "dental procedure code (CDT, D0000–D9999) on a professional claim",
            fix: "Bill dental services on an 837D (dental) claim, or use the medical procedure code.", "A7:454"),
        .business(
            "SVC-006", snip: 5, "2400 SV101-7",
            "a not-otherwise-classified or unlisted procedure code is billed without a description (SV101-7)",
            fix: "Describe the service or drug in SV101-7 (up to 80 characters) when billing an unlisted or NOC code.",
            "A6:306"),
        .business(
            "SVC-055", snip: 5, "2400 SV101-3…6", "a procedure modifier is not two letters or digits",
            fix: "Send each modifier as two characters, e.g. 25, 59, RT, GP.", "A7:453"),
        .business(
            "SVC-056", snip: 5, "2400 SV101-3…6", "a HCPCS Level II modifier is not in the CMS HCPCS modifier list",
            fix: "Check the modifier against the CMS HCPCS modifier list (CPT modifiers are two digits).", "A7:453"),
        .business(
            "SVC-004", snip: 5, "2400 SV101-3…6", "the same modifier appears twice on a line",
            fix: "List each modifier once.", "A7:453"),
        .business(
            "SVC-005", snip: 5, "2400 SV101-3…6", "modifier 59 together with a more specific X modifier (XE, XP, XS, XU)",
            fix: "Use either 59 or the X modifier that fits, not both.", "A7:453"),
        .business(
            "SVC-075", snip: 5, "2400 SV101-3…6", "professional (26) and technical (TC) component modifiers on the same line",
            fix: "Bill the global service without either modifier, or one component per line.", "A7:453"),
        .business(
            "SVC-076", snip: 5, "2400 SV101-3…6", "left (LT) and right (RT) side modifiers on the same line",
            fix: "Bill each side on its own line, or use 50 (bilateral) where the payer asks for it.", "A7:453"),
        .business(
            "SVC-077", snip: 5, "2400 SV101-3…6", "bilateral modifier 50 together with LT or RT",
            fix: "Use 50 alone for a bilateral procedure, or LT/RT alone for one side.", "A7:453"),
        .business(
            "SVC-064", snip: 5, "2400 SV105", "line place of service (SV105) is not in the CMS place of service code set",
            fix: "Use a two-digit CMS place of service code, or leave SV105 out when it equals CLM05-1.", "A7:249"),
    ]

    /// In the order `judge(_:_:)` gives their verdicts on the claim.
    static let claimEdits: [Edit] = [
        .business(
            "CLM-008", snip: 5, "2300 CLM05-1", "place of service is not in the CMS place of service code set",
            fix: "Use a two-digit CMS place of service code (e.g. 11 office, 02 or 10 telehealth, 22 outpatient hospital).",
            "A7:249"),
        .business(
            "CLM-009", snip: 5, "2300 CLM05-3", "claim frequency code is not 1 (original), 7 (replacement) or 8 (void)",
            fix: "Professional claims use frequency 1, 7 or 8 in CLM05-3.", "A7:535"),
    ]

    /// The members of `lineEdits` that fire on `line`, each verdict named by its edit.
    @Sendable static func judge(_ line: LentLine, _ claim: Claim, _ context: ClaimContext) -> UInt64 {
        let kind = kind(of: line.procedureCode)
        let hcpcs =
            kind == .hcpcs
            ? context.codeSets.hcpcs.lookups(line.procedureCode, on: line.serviceDateFrom)
            : (onDate: CodeSet.Lookup.notCovered, anyDate: CodeSet.Lookup.notCovered)
        let modifiers = line.modifiers
        var fired = Judgement()
        // SVC-002
        fired.next(line.procedureQualifier == "HC" && kind == .malformed)
        // SVC-003
        fired.next(kind == .hcpcs && hcpcs.onDate == .unknown)
        // SVC-065
        fired.next(kind == .hcpcs && hcpcs.onDate == .notValidOnDate)
        // SVC-067
        fired.next(kind == .dental)
        // SVC-006
        fired.next(needsDescription(line, kind, hcpcs.anyDate))
        // SVC-055
        fired.next(modifiers.contains { $0.utf8.count != 2 || !$0.isAlphanumericASCII })
        // SVC-056
        fired.next(hasUnknownHCPCSModifier(modifiers, context))
        // SVC-004
        fired.next(modifiers.indices.contains { index in modifiers[..<index].contains(modifiers[index]) })
        // SVC-005
        fired.next(modifiers.contains("59") && modifiers.contains { xModifiers.contains($0) })
        // SVC-075
        fired.next(modifiers.contains("26") && modifiers.contains("TC"))
        // SVC-076
        fired.next(modifiers.contains("LT") && modifiers.contains("RT"))
        // SVC-077
        fired.next(modifiers.contains("50") && (modifiers.contains("LT") || modifiers.contains("RT")))
        // SVC-064
        fired.next(line.placeOfService.map { isUnknownPlace($0, context) } ?? false)
        return fired.bits
    }

    /// The members of `claimEdits` that fire on `claim`.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        var fired = Judgement()
        // CLM-008
        fired.next(isUnknownPlace(claim.placeOfService, context))
        // CLM-009
        fired.next(!isProfessionalFrequency(claim.frequencyCode))
        return fired.bits
    }

    /// CLM-009: original (1), replacement (7) or void (8). Compared, not hashed: a set's look-up
    /// hashed the code for every claim.
    static func isProfessionalFrequency(_ code: String) -> Bool {
        switch code {
        case "1", "7", "8": true
        default: false
        }
    }

    /// SVC-006: a not-otherwise-classified HCPCS code (by today's release) or an unlisted CPT code
    /// without a description.
    static func needsDescription(_ line: LentLine, _ kind: CodeKind, _ hcpcs: CodeSet.Lookup) -> Bool {
        guard (line.details.description ?? "").isEmpty else { return false }
        switch kind {
        case .hcpcs:
            if case .valid(let flags) = hcpcs { return flags.contains(.notOtherwiseClassified) }
            return false
        case .cpt: return isUnlistedCPT(line.procedureCode)
        case .dental, .malformed: return false
        }
    }

    /// SVC-056: a well-formed HCPCS Level II modifier (not CPT's, not an ambulance origin and
    /// destination pair) missing from the CMS list; never without the list.
    static func hasUnknownHCPCSModifier(_ modifiers: [String], _ context: ClaimContext) -> Bool {
        let known = context.codeSets.hcpcsModifiers
        guard !known.isEmpty else { return false }
        return modifiers.contains { modifier in
            modifier.withBytes { $0.count == 2 && isHCPCSShaped($0[0], $0[1]) } && !known.contains(modifier)
        }
    }

    /// Two capital letters or digits, neither CPT's (two digits, or one of its alphanumeric
    /// modifiers: anesthesia physical status P1–P6, performance measures 1P, 2P, 3P, 8P) nor an
    /// ambulance origin and destination pair: judged from the two bytes, where three checks of
    /// the string and two set look-ups cost about 300 instructions a modifier.
    static func isHCPCSShaped(_ first: UInt8, _ second: UInt8) -> Bool {
        func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        let p = UInt8(ascii: "P")
        guard isCapital(first) || ValueSyntax.isDigit(first), isCapital(second) || ValueSyntax.isDigit(second),
            !(ValueSyntax.isDigit(first) && ValueSyntax.isDigit(second)),
            !(first == p && second >= UInt8(ascii: "1") && second <= UInt8(ascii: "6")),
            !(second == p && (first == UInt8(ascii: "1") || first == UInt8(ascii: "2") || first == UInt8(ascii: "3")
                || first == UInt8(ascii: "8")))
        else { return false }
        return !(isAmbulanceLocation(first) && isAmbulanceLocation(second))
    }

    /// Ambulance origin/destination modifiers are any two of D, E, G, H, I, J, N, P, R, S, X
    /// (HCPCS manual; not listed one by one in the HCPCS modifier file).
    static func isAmbulanceLocation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "D"), UInt8(ascii: "E"), UInt8(ascii: "G"), UInt8(ascii: "H"), UInt8(ascii: "I"), UInt8(ascii: "J"),
            UInt8(ascii: "N"), UInt8(ascii: "P"), UInt8(ascii: "R"), UInt8(ascii: "S"), UInt8(ascii: "X"):
            true
        default: false
        }
    }

    enum CodeKind { case cpt, hcpcs, dental, malformed }

    static func kind(of code: String) -> CodeKind {
        code.withBytes { bytes in
            guard bytes.count == 5 else { return .malformed }
            let first = bytes[0], last = bytes[4]
            let middleDigits = ValueSyntax.isDigit(bytes[1]) && ValueSyntax.isDigit(bytes[2]) && ValueSyntax.isDigit(bytes[3])
            if ValueSyntax.isDigit(first) {
                return middleDigits && (ValueSyntax.isDigit(last) || last == UInt8(ascii: "F") || last == UInt8(ascii: "T"))
                    ? .cpt : .malformed
            }
            guard first >= 0x41 && first <= 0x56, middleDigits, ValueSyntax.isDigit(last) else { return .malformed }
            return first == UInt8(ascii: "D") ? .dental : .hcpcs
        }
    }

    /// CPT's unlisted procedures end in 99 (`17999`, `64999`); office visits (992xx) do not count.
    static func isUnlistedCPT(_ code: String) -> Bool {
        code.withBytes { bytes in
            bytes.count == 5 && bytes[3] == UInt8(ascii: "9") && bytes[4] == UInt8(ascii: "9")
                && !(bytes[0] == UInt8(ascii: "9") && bytes[1] == UInt8(ascii: "9") && bytes[2] == UInt8(ascii: "2"))
        }
    }

    /// CPT anesthesia codes 00100–01999, read from the bytes: through `Int(code)` each line's code
    /// was parsed as a string.
    static func isAnesthesia(_ code: String) -> Bool {
        code.withBytes { bytes in
            guard bytes.count == 5, bytes[0] == UInt8(ascii: "0"), bytes.allSatisfy(ValueSyntax.isDigit) else { return false }
            return (100...1999).contains(bytes.reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) })
        }
    }

    static func isUnknownPlace(_ code: String, _ context: ClaimContext) -> Bool {
        switch context.codeSets.placesOfService.lookup(code, on: context.receivedDate) {
        case .unknown, .notValidOnDate: true
        case .valid, .notCovered: false
        }
    }

    static let xModifiers: Set<String> = ["XE", "XP", "XS", "XU"]
}
