import ClaimsApp
import ClaimsTestSupport
import Foundation
import Testing
import X12Validation

/// SNIP 7 rules come from `partners.yaml`, not code: the shipped file and a file written here.
@Suite struct PartnerRulesConfigurationTests {
    @Test func shippedDemoPartnerCarriesRulesAndEditSettings() throws {
        let partners = try ConfigurationLoader.loadPartners(Fixtures.repositoryRoot.appendingPathComponent("Config/partners.yaml"))
        let demo = try #require(partners.first { $0.id == "demo" })
        #expect(demo.validation.rules.medicarePayerIDs == ["MEDICARE01"])
        #expect(demo.validation.rules.timelyFilingDays == 365)
        #expect(demo.validation.severityOverrides["CLM-001"] == .reject)
        #expect(demo.validation.disabledEdits == ["SVC-015"])
        #expect(demo.validation.rules.maxClaimsPerTransactionSet == 5_000)
    }

    @Test func everyRuleKeyIsRead() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("partners.yaml")
        try """
            partners:
              - id: strict-payer
                sender_ids: [{ qualifier: ZZ, id: S1 }]
                edits: { severity: { SVC-011: reject }, disabled: [DUP-002] }
                rules:
                  zip_plus_four_required: true
                  billing_taxonomy_required: true
                  rendering_taxonomy_required: true
                  allowed_payer_ids: [P1]
                  allowed_filing_indicators: [CI]
                  enrolled_billing_npis: ["1234567893"]
                  timely_filing_days: 90
                  rendering_required_for_organizations: true
                  group_number_required: true
                  member_id_min_length: 9
                  member_id_max_length: 12
                  member_id_prefixes: [XYZ]
                  prior_authorization_codes: [J9035]
                  clia_required_for_lab: true
                  ndc_required_for_drugs: true
                  ordering_provider_required_for_dme: true
                  encounters_refused: true
                  max_patient_control_number_length: 20
                  max_service_lines: 6
                  referring_provider_required: true
                  duplicate_look_back_days: 30
                  max_claims_per_transaction_set: 8000
            """.write(to: url, atomically: true, encoding: .utf8)
        let partner = try #require(try ConfigurationLoader.loadPartners(url).first)
        let rules = partner.validation.rules
        #expect(rules.zipPlusFourRequired && rules.billingTaxonomyRequired && rules.renderingTaxonomyRequired)
        #expect(rules.allowedPayerIDs == ["P1"] && rules.allowedFilingIndicators == ["CI"])
        #expect(rules.enrolledBillingNPIs == ["1234567893"] && rules.timelyFilingDays == 90)
        #expect(rules.renderingRequiredForOrganizations && rules.groupNumberRequired)
        #expect(rules.memberIDMinLength == 9 && rules.memberIDMaxLength == 12 && rules.memberIDPrefixes == ["XYZ"])
        #expect(rules.priorAuthorizationCodes == ["J9035"] && rules.cliaRequiredForLab && rules.ndcRequiredForDrugs)
        #expect(rules.orderingProviderRequiredForDME && rules.encountersRefused && rules.referringProviderRequired)
        #expect(rules.maxPatientControlNumberLength == 20 && rules.maxServiceLines == 6 && rules.duplicateLookBackDays == 30)
        #expect(rules.maxClaimsPerTransactionSet == 8_000)
        #expect(partner.validation.severityOverrides == ["SVC-011": .reject])
        #expect(partner.validation.disabledEdits == ["DUP-002"])
    }

    /// A set is judged whole in memory: a partner cannot raise the claims-per-set limit past the
    /// ceiling that keeps that memory bounded, nor set it to nothing.
    @Test(arguments: [0, PartnerRules.claimsPerTransactionSetCeiling + 1])
    func claimLimitOutsideTheCeilingIsRefused(limit: Int) throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("partners.yaml")
        try """
            partners:
              - id: big-batches
                rules: { max_claims_per_transaction_set: \(limit) }
            """.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationLoader.Failure.self) { try ConfigurationLoader.loadPartners(url) }
    }
}
