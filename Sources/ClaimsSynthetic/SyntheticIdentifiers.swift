/// Identifier formats that payers check (SNIP 5/7 edits), generated so that they pass.
enum SyntheticIdentifiers {
    /// Ten digits starting with 1 or 2, with the NPI Luhn check digit.
    static func npi(using rng: inout SplitMix64) -> String {
        let firstNine = rng.pick(["1", "2"]) + rng.digits(8)
        return firstNine + String(NPI.checkDigit(forFirstNine: firstNine)!)
    }

    /// Nine digits with an IRS campus prefix actually assigned (never 00, 07–09, 17–19, …), not
    /// a single repeated digit (BP-019).
    static func employerID(using rng: inout SplitMix64) -> String {
        rng.pick(["20", "26", "27", "45", "46", "47", "81", "82", "83", "84", "85", "86", "87", "88"]) + rng.digits(7)
    }

    /// Medicare Beneficiary Identifier: eleven characters in the CMS pattern, without S, L, O, I,
    /// B, Z (SUB-005).
    static func medicareBeneficiaryID(using rng: inout SplitMix64) -> String {
        let letters = "ACDEFGHJKMNPQRTUVWXY"
        let either = letters + "0123456789"
        return String(rng.int(in: 1...9)) + rng.characters(1, from: letters) + rng.characters(1, from: either)
            + rng.digits(1) + rng.characters(1, from: letters) + rng.characters(1, from: either) + rng.digits(1)
            + rng.characters(2, from: letters) + rng.digits(2)
    }

    /// A payer member id: the plan's alpha prefix and nine digits.
    static func memberID(for payer: SyntheticPayer, using rng: inout SplitMix64) -> String {
        payer.isMedicare ? medicareBeneficiaryID(using: &rng) : payer.memberIDPrefix + rng.digits(9)
    }
}
