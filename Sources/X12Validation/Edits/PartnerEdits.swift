import ClaimsCore

/// SNIP 7 trading-partner rules, each switched on and parameterised per partner in
/// `Config/partners.yaml` (`rules:`), so a companion guide becomes configuration, not code.
enum PartnerEdits {
    static let rules: [any ClaimRule] = addressAndProvider + coverage + services

    static let addressAndProvider: [any ClaimRule] = [
        zipPlusFour("TP-001", "2010BA N403", "subscriber", entity: "IL") { $0.subscriber.address },
        zipPlusFour("TP-002", "2010CA N403", "patient", entity: "QC") { $0.patient?.address },
        zipPlusFour("TP-003", "2010AB N403", "pay-to", entity: "87") { $0.providers.payToAddress },
        Check(
            .business(
                "TP-004", snip: 7, "2000A PRV", "the payer requires the billing provider taxonomy (PRV*BI*PXC)",
                fix: "Add PRV*BI*PXC with the billing provider's NUCC taxonomy code in 2000A.", "A6:145:85"),
            when: { $0.billingTaxonomyRequired }
        ) { claim, context in
            fires(context.partner.billingTaxonomyRequired && claim.billingProvider.taxonomy == nil)
        },
        Check(
            .business(
                "TP-005", snip: 7, "2310B PRV", "the payer requires the rendering provider taxonomy (PRV*PE*PXC)",
                fix: "Add PRV*PE*PXC with the rendering provider's NUCC taxonomy code in 2310B.", "A6:145:82"),
            when: { $0.renderingTaxonomyRequired }
        ) { claim, context in
            guard context.partner.renderingTaxonomyRequired, let rendering = claim.providers.rendering else { return .none }
            return fires(rendering.taxonomy == nil)
        },
        Check(
            .business(
                "TP-009", snip: 7, "2010AA NM109", "billing provider NPI is not enrolled with this submitter for electronic claims",
                fix: "Enrol the billing provider with the clearinghouse for this submitter before sending its claims.",
                "A8:496:85"),
            when: { !$0.enrolledBillingNPIs.isEmpty }
        ) { claim, context in
            let enrolled = context.partner.enrolledBillingNPIs
            guard !enrolled.isEmpty else { return .none }
            return fires(!enrolled.contains(claim.billingProvider.npi ?? ""))
        },
        Check(
            .business(
                "TP-011", snip: 7, "2310B", "billing provider is an organisation and the payer requires the rendering provider (2310B)",
                fix: "Add 2310B with the individual who rendered the services (NM1*82*1 with NPI).", "A6:562:82"),
            when: { $0.renderingRequiredForOrganizations }
        ) { claim, context in
            fires(
                context.partner.renderingRequiredForOrganizations && claim.billingProvider.entityType == "2"
                    && claim.providers.rendering == nil && !claim.anyLineDetails { $0.details.rendering != nil })
        },
        Check(
            .business(
                "TP-022", snip: 7, "2310A", "the payer requires the referring provider (2310A)",
                fix: "Add 2310A with the referring provider's name and NPI.", "A6:562:DN"),
            when: { $0.referringProviderRequired }
        ) { claim, context in
            fires(context.partner.referringProviderRequired && claim.providers.referring.isEmpty)
        },
    ]

    static let coverage: [any ClaimRule] = [
        Check(
            .business(
                "TP-006", snip: 7, "2010BA NM109", "member id is not a Medicare Beneficiary Identifier for this Medicare payer",
                fix: "Send the patient's 11-character MBI from the Medicare card (no dashes).", "A7:164:IL"),
            when: { !$0.medicarePayerIDs.isEmpty }
        ) { claim, context in
            guard context.partner.medicarePayerIDs.contains(claim.payer.identifier) else { return .none }
            return fires(!PayerEdits.isMBI(claim.subscriber.memberID ?? ""))
        },
        Check(
            .business(
                "TP-007", snip: 7, "2010BB NM109", "payer id is not one this trading partner may send claims to",
                fix: "Check the payer id against the clearinghouse payer list for your account.", "A3:116"),
            when: { !$0.allowedPayerIDs.isEmpty }
        ) { claim, context in
            let allowed = context.partner.allowedPayerIDs
            return fires(!allowed.isEmpty && !allowed.contains(claim.payer.identifier))
        },
        Check(
            .business(
                "TP-008", snip: 7, "2000B SBR09", "claim filing indicator (SBR09) is not accepted by this payer",
                fix: "Use the claim filing indicator the payer's companion guide gives for this plan.", "A8:480:PR"),
            when: { !$0.allowedFilingIndicators.isEmpty }
        ) { claim, context in
            let allowed = context.partner.allowedFilingIndicators
            return fires(!allowed.isEmpty && !allowed.contains(claim.coverage.filingIndicator))
        },
        Check(
            .business(
                "TP-010", snip: 7, "2400 DTP*472", "claim is past the payer's timely filing limit and gives no delay reason (CLM20)",
                fix: "Send the claim within the filing limit, or add the delay reason code in CLM20 with documentation.",
                "A3:718"),
            when: { $0.timelyFilingDays != nil }
        ) { claim, context in
            guard let limit = context.partner.timelyFilingDays, claim.details.delayReason == nil,
                let first = claim.serviceDates.first
            else { return .none }
            return fires(context.receivedDate.dayNumber - first.dayNumber > limit)
        },
        Check(
            .business(
                "TP-012", snip: 7, "2000B SBR03", "the payer requires the subscriber's group or policy number (SBR03)",
                fix: "Add the group number from the member's card in SBR03.", "A6:163:IL"),
            when: { $0.groupNumberRequired }
        ) { claim, context in
            fires(context.partner.groupNumberRequired && claim.coverage.groupNumber == nil)
        },
        Check(
            .business(
                "TP-013", snip: 7, "2010BA NM109", "member id length is outside what the payer issues",
                fix: "Copy the member id exactly from the card, including any prefix or suffix.", "A7:164:IL"),
            when: { $0.memberIDMinLength != nil || $0.memberIDMaxLength != nil }
        ) { claim, context in
            let count = claim.subscriber.memberID?.utf8.count ?? 0
            let short = context.partner.memberIDMinLength.map { count < $0 } ?? false
            let long = context.partner.memberIDMaxLength.map { count > $0 } ?? false
            return fires(short || long)
        },
        Check(
            .business(
                "TP-014", snip: 7, "2010BA NM109", "member id lacks the plan prefix the payer requires",
                fix: "Send the member id with its prefix exactly as printed on the card.", "A7:733:IL"),
            when: { !$0.memberIDPrefixes.isEmpty }
        ) { claim, context in
            let prefixes = context.partner.memberIDPrefixes
            guard !prefixes.isEmpty else { return .none }
            let member = claim.subscriber.memberID ?? ""
            return fires(!prefixes.contains { member.hasPrefix($0) })
        },
        Check(
            .business(
                "TP-019", snip: 7, "BHT06", "this payer does not accept encounters (BHT06 = RP)",
                fix: "Send chargeable claims (BHT06 = CH) to this payer, or send encounters where they are accepted.",
                "A3:491:41"),
            when: { $0.encountersRefused }
        ) { _, context in
            fires(context.partner.encountersRefused && context.header.claimOrEncounter == "RP")
        },
        Check(
            .business(
                "TP-020", snip: 7, "2300 CLM01", "patient control number (CLM01) is longer than the payer keeps",
                fix: "Shorten CLM01 to the length in the payer's companion guide.", "A7:512"),
            when: { $0.maxPatientControlNumberLength != nil }
        ) { claim, context in
            fires(context.partner.maxPatientControlNumberLength.map { claim.patientControlNumber.utf8.count > $0 } ?? false)
        },
        Check(
            .business(
                "TP-021", snip: 7, "2400", "claim has more service lines than the payer accepts",
                fix: "Split the claim so that each has no more lines than the payer's limit.", "A7:247"),
            when: { $0.maxServiceLines != nil }
        ) { claim, context in
            fires(context.partner.maxServiceLines.map { claim.serviceLines.count > $0 } ?? false)
        },
    ]
}
