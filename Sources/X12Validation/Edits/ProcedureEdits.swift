import ClaimsCore

/// SNIP 5 on procedures, modifiers, place of service and claim frequency: HCPCS Level II against
/// the CMS file for the date of service, CPT by format only (AMA-licensed), modifiers and their
/// combinations.
enum ProcedureEdits {
    static let rules: [any ClaimRule] = [
        Check(
            .business(
                "SVC-002", snip: 5, "2400 SV101-2",
                "procedure code is neither a CPT code (5 digits, or 4 digits and F or T) nor a HCPCS Level II code (letter and 4 digits)",
                fix: "Send the procedure code without spaces or punctuation, e.g. 99213, 0001F, J3301.", "A7:454")
        ) { claim, _ in
            linesWhere(claim) { $0.procedureQualifier == "HC" && kind(of: $0.procedureCode) == .malformed }
        },
        Check(
            .business(
                "SVC-003", snip: 5, "2400 SV101-2", "HCPCS Level II code is not in the CMS HCPCS file",
                fix: "Check the code against the current CMS HCPCS Level II file.", "A7:507")
        ) { claim, context in
            linesWhere(claim) { line in
                kind(of: line.procedureCode) == .hcpcs
                    && context.codeSets.hcpcs.lookup(line.procedureCode, on: line.serviceDateFrom) == .unknown
            }
        },
        Check(
            .business(
                "SVC-065", snip: 5, "2400 SV101-2", "HCPCS Level II code is not valid on the date of service",
                fix: "Use the code in force on the date of service; codes are added and terminated quarterly.", "A7:454")
        ) { claim, context in
            linesWhere(claim) { line in
                kind(of: line.procedureCode) == .hcpcs
                    && context.codeSets.hcpcs.lookup(line.procedureCode, on: line.serviceDateFrom) == .notValidOnDate
            }
        },
        Check(
            .business(
                "SVC-067", snip: 5, "2400 SV101-2", "dental procedure code (CDT, D0000–D9999) on a professional claim",
                fix: "Bill dental services on an 837D (dental) claim, or use the medical procedure code.", "A7:454")
        ) { claim, _ in
            linesWhere(claim) { kind(of: $0.procedureCode) == .dental }
        },
        Check(
            .business(
                "SVC-006", snip: 5, "2400 SV101-7",
                "a not-otherwise-classified or unlisted procedure code is billed without a description (SV101-7)",
                fix: "Describe the service or drug in SV101-7 (up to 80 characters) when billing an unlisted or NOC code.",
                "A6:306")
        ) { claim, context in
            linesWhere(claim) { line in
                guard (line.details.description ?? "").isEmpty else { return false }
                switch kind(of: line.procedureCode) {
                case .hcpcs:
                    if case .valid(let flags) = context.codeSets.hcpcs.lookup(line.procedureCode) {
                        return flags.contains(.notOtherwiseClassified)
                    }
                    return false
                case .cpt:
                    return isUnlistedCPT(line.procedureCode)
                default:
                    return false
                }
            }
        },
        Check(
            .business(
                "SVC-055", snip: 5, "2400 SV101-3…6", "a procedure modifier is not two letters or digits",
                fix: "Send each modifier as two characters, e.g. 25, 59, RT, GP.", "A7:453")
        ) { claim, _ in
            linesWhere(claim) { line in line.modifiers.contains { $0.utf8.count != 2 || !$0.isAlphanumericASCII } }
        },
        Check(
            .business(
                "SVC-056", snip: 5, "2400 SV101-3…6", "a HCPCS Level II modifier is not in the CMS HCPCS modifier list",
                fix: "Check the modifier against the CMS HCPCS modifier list (CPT modifiers are two digits).", "A7:453")
        ) { claim, context in
            let modifiers = context.codeSets.hcpcsModifiers
            guard !modifiers.isEmpty else { return .none }
            return linesWhere(claim) { line in
                line.modifiers.contains { modifier in
                    modifier.utf8.count == 2 && modifier.isAlphanumericASCII && !modifier.isAllDigits
                        && !cptAlphanumericModifiers.contains(modifier) && !isAmbulanceOriginDestination(modifier)
                        && !modifiers.contains(modifier)
                }
            }
        },
        Check(
            .business(
                "SVC-004", snip: 5, "2400 SV101-3…6", "the same modifier appears twice on a line",
                fix: "List each modifier once.", "A7:453")
        ) { claim, _ in
            linesWhere(claim) { line in
                let modifiers = line.modifiers
                return modifiers.indices.contains { index in modifiers[..<index].contains(modifiers[index]) }
            }
        },
        modifierConflict("SVC-005", "modifier 59 together with a more specific X modifier (XE, XP, XS, XU)",
            fix: "Use either 59 or the X modifier that fits, not both.") { $0.contains("59") && $0.contains { xModifiers.contains($0) } },
        modifierConflict("SVC-075", "professional (26) and technical (TC) component modifiers on the same line",
            fix: "Bill the global service without either modifier, or one component per line.") { $0.contains("26") && $0.contains("TC") },
        modifierConflict("SVC-076", "left (LT) and right (RT) side modifiers on the same line",
            fix: "Bill each side on its own line, or use 50 (bilateral) where the payer asks for it.") { $0.contains("LT") && $0.contains("RT") },
        modifierConflict("SVC-077", "bilateral modifier 50 together with LT or RT",
            fix: "Use 50 alone for a bilateral procedure, or LT/RT alone for one side.") { $0.contains("50") && ($0.contains("LT") || $0.contains("RT")) },
        Check(
            .business(
                "CLM-008", snip: 5, "2300 CLM05-1", "place of service is not in the CMS place of service code set",
                fix: "Use a two-digit CMS place of service code (e.g. 11 office, 02 or 10 telehealth, 22 outpatient hospital).",
                "A7:249")
        ) { claim, context in
            fires(isUnknownPlace(claim.placeOfService, context))
        },
        Check(
            .business(
                "SVC-064", snip: 5, "2400 SV105", "line place of service (SV105) is not in the CMS place of service code set",
                fix: "Use a two-digit CMS place of service code, or leave SV105 out when it equals CLM05-1.", "A7:249")
        ) { claim, context in
            linesWhere(claim) { line in line.placeOfService.map { isUnknownPlace($0, context) } ?? false }
        },
        Check(
            .business(
                "CLM-009", snip: 5, "2300 CLM05-3", "claim frequency code is not 1 (original), 7 (replacement) or 8 (void)",
                fix: "Professional claims use frequency 1, 7 or 8 in CLM05-3.", "A7:535")
        ) { claim, _ in
            // Compared, not hashed: a set's look-up hashed the code for every claim.
            switch claim.frequencyCode {
            case "1", "7", "8": .none
            default: .claim(times: 1)
            }
        },
    ]

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

    static func isAnesthesia(_ code: String) -> Bool {
        guard kind(of: code) == .cpt, code.firstByte == UInt8(ascii: "0"), let number = Int(code) else { return false }
        return (100...1999).contains(number)
    }

    static func isUnknownPlace(_ code: String, _ context: ClaimContext) -> Bool {
        switch context.codeSets.placesOfService.lookup(code, on: context.receivedDate) {
        case .unknown, .notValidOnDate: true
        case .valid, .notCovered: false
        }
    }

    static func modifierConflict(
        _ id: String, _ problem: String, fix: String, _ conflict: @escaping @Sendable ([String]) -> Bool
    ) -> any ClaimRule {
        Check(.business(id, snip: 5, "2400 SV101-3…6", problem, fix: fix, "A7:453")) { claim, _ in
            linesWhere(claim) { conflict($0.modifiers) }
        }
    }

    /// Ambulance origin/destination modifiers: any two of D, E, G, H, I, J, N, P, R, S, X (HCPCS
    /// manual; not listed one by one in the HCPCS modifier file).
    static func isAmbulanceOriginDestination(_ modifier: String) -> Bool {
        modifier.utf8.allSatisfy { ambulanceLocations.contains($0) }
    }

    static let ambulanceLocations: Set<UInt8> = Set("DEGHIJNPRSX".utf8)
    static let xModifiers: Set<String> = ["XE", "XP", "XS", "XU"]
    /// CPT's own alphanumeric modifiers (anesthesia physical status, performance measures).
    static let cptAlphanumericModifiers: Set<String> = ["P1", "P2", "P3", "P4", "P5", "P6", "1P", "2P", "3P", "8P"]
}
