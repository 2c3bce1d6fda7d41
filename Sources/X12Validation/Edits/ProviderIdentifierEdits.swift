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

    /// The providers of the claim itself, in the order `claimNPIs` judges them.
    static let claimSources = [
        NPISource(id: "BP-008", loop: "2010AA", name: "billing provider", entity: "85"),
        NPISource(id: "PRV-002", loop: "2310A", name: "referring provider", entity: "DN"),
        NPISource(id: "PRV-006", loop: "2310B", name: "rendering provider", entity: "82"),
        NPISource(id: "PRV-012", loop: "2310C", name: "service facility", entity: "77"),
        NPISource(id: "PRV-014", loop: "2310D", name: "supervising provider", entity: "DQ"),
    ]

    /// The providers of a line, in the order `lineNPIs` judges them.
    static let lineSources = [
        NPISource(id: "SVC-033", loop: "2420A", name: "line rendering provider", entity: "82"),
        NPISource(id: "SVC-080", loop: "2420B", name: "purchased service provider", entity: "QB"),
        NPISource(id: "SVC-035", loop: "2420C", name: "line service facility", entity: "77"),
        NPISource(id: "SVC-036", loop: "2420D", name: "line supervising provider", entity: "DQ"),
        NPISource(id: "SVC-037", loop: "2420E", name: "ordering provider", entity: "DK"),
        NPISource(id: "SVC-038", loop: "2420F", name: "line referring provider", entity: "DN"),
    ]

    /// The NPI edits as two groups, the claim's providers and a line's, each judged in one call:
    /// one call per provider cost every claim eleven steps of the validator's loop, the line
    /// providers' a walk over the lines each.
    static let npiRules: [any ClaimRule] =
        CheckGroup.rules(claimSources.map(edit)) { claim, _ in claimNPIs(claim) }
        + CheckGroup.lineRules(lineSources.map(edit)) { line, _, _ in lineNPIs(line) }

    /// The `claimSources` whose NPI is sent and invalid (bit `i` for the `i`-th).
    /// Each field is read through the claim (a provider copied out would copy all its strings).
    static func claimNPIs(_ claim: Claim) -> UInt64 {
        bit(0, !isValidNPI(claim.billingProvider.npi)) | bit(1, claim.providers.referring.contains { !isValidNPI($0.npi) })
            | bit(2, !isValidNPI(claim.providers.rendering?.npi)) | bit(3, !isValidNPI(claim.providers.serviceFacility?.npi))
            | bit(4, !isValidNPI(claim.providers.supervising?.npi))
    }

    /// The `lineSources` whose NPI is sent and invalid on `line`.
    static func lineNPIs(_ line: LentLine) -> UInt64 {
        bit(0, !isValidNPI(line.details.rendering?.npi)) | bit(1, !isValidNPI(line.details.purchasedService?.npi))
            | bit(2, !isValidNPI(line.details.serviceFacility?.npi)) | bit(3, !isValidNPI(line.details.supervising?.npi))
            | bit(4, !isValidNPI(line.details.ordering?.npi)) | bit(5, line.details.referring.contains { !isValidNPI($0.npi) })
    }

    static func edit(_ source: NPISource) -> Edit {
        .business(
            source.id, snip: 5, "\(source.loop) NM109",
            "\(source.name) NPI is not a valid NPI (10 digits starting with 1 or 2, Luhn check digit with prefix 80840)",
            fix: "Copy the \(source.name)'s 10-digit NPI from NPPES; a typo almost always breaks the check digit.",
            "A7:562:\(source.entity)")
    }

    static let rules: [any ClaimRule] = npiRules + [
        taxonomy("BP-002", "2000A PRV03", "billing provider", entity: "85") { claim, _ in
            fires(claim.billingProvider.taxonomy.map { !isTaxonomy($0) } ?? false)
        },
        taxonomy("PRV-009", "2310B PRV03", "rendering provider", entity: "82") { claim, _ in
            fires(claim.providers.rendering?.taxonomy.map { !isTaxonomy($0) } ?? false)
        },
        taxonomy("SVC-068", "2420A PRV03", "line rendering provider", entity: "82") { claim, _ in
            linesWhere(claim) { $0.details.rendering?.taxonomy.map { !isTaxonomy($0) } ?? false }
        },
        Check(
            .business(
                "BP-019", snip: 5, "2010AA REF02", "billing provider tax id (EIN or SSN) is not 9 digits, or is a placeholder",
                fix: "Send the 9-digit tax id without hyphens (REF*EI*123456789).", "A7:128:85")
        ) { claim, _ in
            guard let taxID = claim.billingProvider.taxID else { return .none }
            let first = taxID.firstByte
            return fires(taxID.utf8.count != 9 || !taxID.isAllDigits || taxID.withBytes { $0.allSatisfy { $0 == first } })
        },
        Check(
            .business(
                "CLM-036", snip: 5, "2300 REF*X4", "CLIA number is not in the CLIA format (2 digits, D, 7 digits)",
                fix: "Send the laboratory's 10-character CLIA certificate number, e.g. 12D3456789.", "A7:544")
        ) { claim, _ in
            fires(claim.details.cliaNumber.map { !isCLIA($0) } ?? false)
        },
        Check(
            .business(
                "SVC-070", snip: 5, "2400 REF*X4", "line CLIA number is not in the CLIA format (2 digits, D, 7 digits)",
                fix: "Send the laboratory's 10-character CLIA certificate number, e.g. 12D3456789.", "A7:544")
        ) { claim, _ in
            linesWhere(claim) { $0.details.cliaNumber.map { !isCLIA($0) } ?? false }
        },
        Check(
            .business(
                "SVC-058", snip: 5, "2410 LIN03", "NDC is not 11 digits (5-4-2 without hyphens)",
                fix: "Send the National Drug Code in the 11-digit 5-4-2 form, padding with zeros and without hyphens.",
                "A7:218")
        ) { claim, _ in
            linesWhere(claim) { line in line.details.ndc.map { $0.utf8.count != 11 || !$0.isAllDigits } ?? false }
        },
    ]

    static func taxonomy(
        _ id: String, _ location: String, _ name: String, entity: String,
        _ body: @escaping @Sendable (Claim, ClaimContext) -> RuleViolations
    ) -> any ClaimRule {
        Check(
            .business(
                id, snip: 5, location, "\(name) taxonomy code is not a NUCC taxonomy code (3 digits, 6 letters or digits, X)",
                fix: "Send the 10-character NUCC taxonomy code, e.g. 207Q00000X.", "A7:145:\(entity)"), body)
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
