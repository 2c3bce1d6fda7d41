import ClaimsCore

extension PartnerEdits {
    static let services: [any ClaimRule] = [
        Check(
            .business(
                "TP-015", snip: 7, "2300/2400 REF*G1", "procedure needs prior authorization with this payer and none is given",
                fix: "Add the prior authorization number (REF*G1) at claim or line level.", "A6:252"),
            when: { !$0.priorAuthorizationCodes.isEmpty }
        ) { claim, context in
            let codes = context.partner.priorAuthorizationCodes
            guard !codes.isEmpty, claim.details.priorAuthorization == nil else { return .none }
            return linesWhere(claim) { codes.contains($0.procedureCode) && $0.details.priorAuthorization == nil }
        },
        Check(
            .business(
                "TP-016", snip: 7, "2300/2400 REF*X4", "laboratory services (80000–89999) billed without a CLIA number",
                fix: "Add the performing laboratory's CLIA number in REF*X4.", "A6:544"),
            when: { $0.cliaRequiredForLab }
        ) { claim, context in
            guard context.partner.cliaRequiredForLab, claim.details.cliaNumber == nil else { return .none }
            return linesWhere(claim) { isLaboratory($0.procedureCode) && $0.details.cliaNumber == nil }
        },
        Check(
            .business(
                "TP-017", snip: 7, "2410 LIN03", "drug code (J) billed without the National Drug Code (2410)",
                fix: "Add 2410 LIN*N4 with the 11-digit NDC and CTP with the quantity dispensed.", "A6:218"),
            when: { $0.ndcRequiredForDrugs }
        ) { claim, context in
            guard context.partner.ndcRequiredForDrugs else { return .none }
            return linesWhere(claim) { $0.procedureCode.firstByte == UInt8(ascii: "J") && $0.details.ndc == nil }
        },
        Check(
            .business(
                "TP-018", snip: 7, "2420E", "DMEPOS item (E, K or L code) billed without the ordering provider (2420E)",
                fix: "Add 2420E with the ordering provider's name and NPI.", "A6:562:DK"),
            when: { $0.orderingProviderRequiredForDME }
        ) { claim, context in
            guard context.partner.orderingProviderRequiredForDME else { return .none }
            return linesWhere(claim) { line in
                let first = line.procedureCode.firstByte
                let dme = first == UInt8(ascii: "E") || first == UInt8(ascii: "K") || first == UInt8(ascii: "L")
                return dme && ProcedureEdits.kind(of: line.procedureCode) == .hcpcs && line.details.ordering == nil
            }
        },
    ]

    static func zipPlusFour(
        _ id: String, _ location: String, _ name: String, entity: String,
        _ address: @escaping @Sendable (Claim) -> Address?
    ) -> any ClaimRule {
        Check(
            .business(
                id, snip: 7, location, "the payer requires the 9-digit ZIP+4 in the \(name) address",
                fix: "Add the 4-digit ZIP extension to the \(name)'s ZIP code (N403).", "A7:500:\(entity)"),
            when: { $0.zipPlusFourRequired }
        ) { claim, context in
            guard context.partner.zipPlusFourRequired, let address = address(claim),
                AddressEdits.isUS(address, context.codeSets)
            else { return .none }
            return fires((address.postalCode?.utf8.count ?? 0) != 9)
        }
    }

    /// Pathology and laboratory CPT codes 80000–89999.
    static func isLaboratory(_ code: String) -> Bool {
        code.utf8.count == 5 && code.firstByte == UInt8(ascii: "8") && code.isAllDigits
    }
}
