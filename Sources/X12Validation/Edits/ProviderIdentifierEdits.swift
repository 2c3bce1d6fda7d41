import ClaimsCore

/// SNIP 5 on identifiers with a public algorithm or format: NPI check digits (with the 80840
/// prefix) for every provider the claim names, NUCC taxonomy format, tax ids, CLIA and NDC.
enum ProviderIdentifierEdits {
    /// Where an NPI can be, with its id, loop and 277CA entity code.
    struct NPISource: Sendable {
        var id: String
        var loop: String
        var name: String
        var entity: String
    }

    /// The providers of the claim itself, in the order the claim's judge reads them.
    static let claimSources = [
        NPISource(id: "BP-008", loop: "2010AA", name: "billing provider", entity: "85"),
        NPISource(id: "PRV-002", loop: "2310A", name: "referring provider", entity: "DN"),
        NPISource(id: "PRV-006", loop: "2310B", name: "rendering provider", entity: "82"),
        NPISource(id: "PRV-012", loop: "2310C", name: "service facility", entity: "77"),
        NPISource(id: "PRV-014", loop: "2310D", name: "supervising provider", entity: "DQ"),
    ]

    /// The providers of a line, in the order the line's judge reads them.
    static let lineSources = [
        NPISource(id: "SVC-033", loop: "2420A", name: "line rendering provider", entity: "82"),
        NPISource(id: "SVC-080", loop: "2420B", name: "purchased service provider", entity: "QB"),
        NPISource(id: "SVC-035", loop: "2420C", name: "line service facility", entity: "77"),
        NPISource(id: "SVC-036", loop: "2420D", name: "line supervising provider", entity: "DQ"),
        NPISource(id: "SVC-037", loop: "2420E", name: "ordering provider", entity: "DK"),
        NPISource(id: "SVC-038", loop: "2420F", name: "line referring provider", entity: "DN"),
    ]

    /// The identifier edits as two groups, the claim's and a line's, each judged in one call: a
    /// step of the validator's loop for each of the eighteen (ten of them walks over the lines)
    /// cost every claim more than the checks themselves.
    static let rules: [any ClaimRule] =
        CheckGroup.rules(claimSources.map(npiEdit) + claimEdits, judge: judge)
        + CheckGroup.lineRules(lineSources.map(npiEdit) + lineEdits, detailsOnly: true, judge: judge)

    /// The claim's edits after its NPIs, in the order `judge(_:_:)` gives their verdicts.
    static let claimEdits: [Edit] = [
        taxonomy("BP-002", "2000A PRV03", "billing provider", entity: "85"),
        taxonomy("PRV-009", "2310B PRV03", "rendering provider", entity: "82"),
        .business(
            "BP-019", snip: 5, "2010AA REF02", "billing provider tax id (EIN or SSN) is not 9 digits, or is a placeholder",
            fix: "Send the 9-digit tax id without hyphens (REF*EI*123456789).", "A7:128:85"),
        .business(
            "CLM-036", snip: 5, "2300 REF*X4", "CLIA number is not in the CLIA format (2 digits, D, 7 digits)",
            fix: "Send the laboratory's 10-character CLIA certificate number, e.g. 12D3456789.", "A7:544"),
    ]

    /// A line's edits after its NPIs, in the order `judge(_:_:_:)` gives their verdicts.
    static let lineEdits: [Edit] = [
        taxonomy("SVC-068", "2420A PRV03", "line rendering provider", entity: "82"),
        .business(
            "SVC-070", snip: 5, "2400 REF*X4", "line CLIA number is not in the CLIA format (2 digits, D, 7 digits)",
            fix: "Send the laboratory's 10-character CLIA certificate number, e.g. 12D3456789.", "A7:544"),
        .business(
            "SVC-058", snip: 5, "2410 LIN03", "NDC is not 11 digits (5-4-2 without hyphens)",
            fix: "Send the National Drug Code in the 11-digit 5-4-2 form, padding with zeros and without hyphens.",
            "A7:218"),
    ]

    /// The claim's `claimSources` whose NPI is sent and invalid, then the `claimEdits` that fire.
    /// Each field is read through the claim (a provider copied out would copy all its strings).
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        // The billing provider's three, once for its claims: NPI, taxonomy, tax id.
        let billing = context.billingProviderVerdicts(.identifiers, of: claim) {
            bit(0, !isValidNPI(claim.billingProvider.npi))
                | bit(1, claim.billingProvider.taxonomy.map { !isTaxonomy($0) } ?? false)
                | bit(2, claim.billingProvider.taxID.map { !isTaxID($0) } ?? false)
        }
        var fired = Judgement()
        // BP-008, PRV-002, PRV-006, PRV-012, PRV-014
        fired.next(billing & 1 != 0)
        fired.next(claim.providers.referring.contains { !isValidNPI($0.npi) })
        fired.next(!isValidNPI(claim.providers.rendering?.npi))
        fired.next(!isValidNPI(claim.providers.serviceFacility?.npi))
        fired.next(!isValidNPI(claim.providers.supervising?.npi))
        // BP-002
        fired.next(billing & 2 != 0)
        // PRV-009
        fired.next(claim.providers.rendering?.taxonomy.map { !isTaxonomy($0) } ?? false)
        // BP-019
        fired.next(billing & 4 != 0)
        // CLM-036
        fired.next(claim.details.cliaNumber.map { !isCLIA($0) } ?? false)
        return fired.bits
    }

    /// The line's `lineSources` whose NPI is sent and invalid, then the `lineEdits` that fire.
    @Sendable static func judge(_ line: LentLine, _ claim: Claim, _ context: ClaimContext) -> UInt64 {
        var fired = Judgement()
        // SVC-033, SVC-080, SVC-035, SVC-036, SVC-037, SVC-038
        fired.next(!isValidNPI(line.details.rendering?.npi))
        fired.next(!isValidNPI(line.details.purchasedService?.npi))
        fired.next(!isValidNPI(line.details.serviceFacility?.npi))
        fired.next(!isValidNPI(line.details.supervising?.npi))
        fired.next(!isValidNPI(line.details.ordering?.npi))
        fired.next(line.details.referring.contains { !isValidNPI($0.npi) })
        // SVC-068
        fired.next(line.details.rendering?.taxonomy.map { !isTaxonomy($0) } ?? false)
        // SVC-070
        fired.next(line.details.cliaNumber.map { !isCLIA($0) } ?? false)
        // SVC-058
        fired.next(line.details.ndc.map { $0.utf8.count != 11 || !$0.isAllDigits } ?? false)
        return fired.bits
    }

    static func npiEdit(_ source: NPISource) -> Edit {
        .business(
            source.id, snip: 5, "\(source.loop) NM109",
            "\(source.name) NPI is not a valid NPI (10 digits starting with 1 or 2, Luhn check digit with prefix 80840)",
            fix: "Copy the \(source.name)'s 10-digit NPI from NPPES; a typo almost always breaks the check digit.",
            "A7:562:\(source.entity)")
    }

    static func taxonomy(_ id: String, _ location: String, _ name: String, entity: String) -> Edit {
        .business(
            id, snip: 5, location, "\(name) taxonomy code is not a NUCC taxonomy code (3 digits, 6 letters or digits, X)",
            fix: "Send the 10-character NUCC taxonomy code, e.g. 207Q00000X.", "A7:145:\(entity)")
    }

    /// Nine digits, not all the same (a placeholder such as 999999999).
    static func isTaxID(_ taxID: String) -> Bool {
        let first = taxID.firstByte
        return taxID.utf8.count == 9 && taxID.isAllDigits && !taxID.withBytes { $0.allSatisfy { $0 == first } }
    }

    /// NPI check digit: Luhn over the first nine digits prefixed with 80840 (CMS).
    static func isValidNPI(_ npi: String?) -> Bool {
        guard let npi else { return true }
        return npi.withBytes { bytes in
            guard bytes.count == 10, bytes.allSatisfy(ValueSyntax.isDigit),
                bytes[0] == UInt8(ascii: "1") || bytes[0] == UInt8(ascii: "2")
            else { return false }
            var sum = 24  // the digits of 80840 after Luhn doubling
            for index in 0..<9 {
                let digit = Int(bytes[index] - 0x30)
                let doubled = digit * 2
                sum += index % 2 == 1 ? digit : doubled > 9 ? doubled - 9 : doubled
            }
            return (10 - sum % 10) % 10 == Int(bytes[9] - 0x30)
        }
    }

    static func isTaxonomy(_ code: String) -> Bool {
        code.withBytes { bytes in
            guard bytes.count == 10, bytes[9] == UInt8(ascii: "X") else { return false }
            return bytes[0..<3].allSatisfy(ValueSyntax.isDigit)
                && bytes[3..<9].allSatisfy { ValueSyntax.isDigit($0) || ($0 >= 0x41 && $0 <= 0x5A) }
        }
    }

    static func isCLIA(_ code: String) -> Bool {
        let bytes = code.utf8
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            let ok = index == 2 ? byte == UInt8(ascii: "D") : (byte >= 0x30 && byte <= 0x39)
            if !ok { return false }
        }
        return true
    }
}
