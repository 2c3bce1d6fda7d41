/// ICD-10-CM codes the generator draws from, written without the dot as X12 sends them.
///
/// Every code is a billable leaf code in the FY2025 tabular list (e.g. `M5450`, not the parent
/// `M545`, which stopped being billable in October 2021), and none is restricted by age or sex,
/// so generated claims never trip a code-set edit (SNIP 5) by accident.
enum SyntheticDiagnoses {
    /// Long-standing conditions: principal on chronic-care visits, comorbidities elsewhere.
    static let chronic = [
        "E119", "E1165", "E1122", "E785", "I10", "I2510", "I4891", "N184", "E039", "E669", "G4733", "J449",
        "J45909", "D649", "K219", "F419", "F329",
    ]
    /// Secondary codes only: status codes that describe the patient, not the reason for the visit.
    static let comorbidities = chronic + ["Z79899", "Z7984"]
    /// Acute complaints seen in office and urgent-care visits.
    static let acute = [
        "J069", "J029", "J209", "R051", "H6690", "B349", "U071", "N390", "L03115", "R509", "R1013", "R079",
        "R0602", "R42", "R519", "G43909", "L309", "K5900",
    ]
    /// Musculoskeletal problems (therapy, injections), grouped by side for modifier RT/LT.
    static let rightSided = ["M1711", "M25561"]
    static let leftSided = ["M1712", "M25562"]
    static let musculoskeletal = ["M5450", "M79604", "S93401A", "M1711", "M1712", "M25561", "M25562"]
    /// Encounter for immunization.
    static let immunization = "Z23"
}
