import X12Validation

/// The `rules:` section of a partner in `partners.yaml`: its companion guide's SNIP 7
/// requirements, spelled as operators write them. Every key is optional and off when absent.
struct PartnerRulesSection: Decodable {
    var zip_plus_four_required: Bool?
    var billing_taxonomy_required: Bool?
    var rendering_taxonomy_required: Bool?
    var medicare_payer_ids: [String]?
    var allowed_payer_ids: [String]?
    var allowed_filing_indicators: [String]?
    var enrolled_billing_npis: [String]?
    var timely_filing_days: Int?
    var rendering_required_for_organizations: Bool?
    var group_number_required: Bool?
    var member_id_min_length: Int?
    var member_id_max_length: Int?
    var member_id_prefixes: [String]?
    var prior_authorization_codes: [String]?
    var clia_required_for_lab: Bool?
    var ndc_required_for_drugs: Bool?
    var ordering_provider_required_for_dme: Bool?
    var encounters_refused: Bool?
    var max_patient_control_number_length: Int?
    var max_service_lines: Int?
    var referring_provider_required: Bool?
    var duplicate_look_back_days: Int?
    var max_claims_per_transaction_set: Int?

    /// Throws when a bound is outside what the gateway can honour.
    func partnerRules(of partner: String) throws(ConfigurationLoader.Failure) -> PartnerRules {
        var rules = PartnerRules()
        rules.zipPlusFourRequired = zip_plus_four_required ?? false
        rules.billingTaxonomyRequired = billing_taxonomy_required ?? false
        rules.renderingTaxonomyRequired = rendering_taxonomy_required ?? false
        rules.medicarePayerIDs = Set(medicare_payer_ids ?? [])
        rules.allowedPayerIDs = Set(allowed_payer_ids ?? [])
        rules.allowedFilingIndicators = Set(allowed_filing_indicators ?? [])
        rules.enrolledBillingNPIs = Set(enrolled_billing_npis ?? [])
        rules.timelyFilingDays = timely_filing_days
        rules.renderingRequiredForOrganizations = rendering_required_for_organizations ?? false
        rules.groupNumberRequired = group_number_required ?? false
        rules.memberIDMinLength = member_id_min_length
        rules.memberIDMaxLength = member_id_max_length
        rules.memberIDPrefixes = member_id_prefixes ?? []
        rules.priorAuthorizationCodes = Set(prior_authorization_codes ?? [])
        rules.cliaRequiredForLab = clia_required_for_lab ?? false
        rules.ndcRequiredForDrugs = ndc_required_for_drugs ?? false
        rules.orderingProviderRequiredForDME = ordering_provider_required_for_dme ?? false
        rules.encountersRefused = encounters_refused ?? false
        rules.maxPatientControlNumberLength = max_patient_control_number_length
        rules.maxServiceLines = max_service_lines
        rules.referringProviderRequired = referring_provider_required ?? false
        rules.duplicateLookBackDays = duplicate_look_back_days ?? 365
        if let limit = max_claims_per_transaction_set {
            let ceiling = PartnerRules.claimsPerTransactionSetCeiling
            guard (1...ceiling).contains(limit) else {
                throw .invalid("partner \(partner): max_claims_per_transaction_set must be 1 to \(ceiling), not \(limit)")
            }
            rules.maxClaimsPerTransactionSet = limit
        }
        return rules
    }
}

/// The `edits:` section of a partner: `severity: { CLM-001: reject }`, `disabled: [SVC-015]`.
struct EditSettings: Decodable {
    var severity: [String: Severity]?
    var disabled: [String]?
}
