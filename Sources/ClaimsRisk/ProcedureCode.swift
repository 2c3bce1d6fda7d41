/// The CPT ranges the features look at. HCPCS level II codes (a letter first) fall in none.
struct ProcedureCode {
    /// The code as a number when it is five digits, else nil.
    let number: Int?

    init(_ code: String) {
        var value = 0
        var digits = 0
        for byte in code.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                number = nil
                return
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        number = digits == 5 ? value : nil
    }

    private func within(_ range: ClosedRange<Int>) -> Bool { number.map(range.contains) ?? false }

    /// Office and outpatient evaluation and management (99202–99215).
    var isEvaluationAndManagement: Bool { within(99202...99215) }
    /// Surgery (10021–69990) or immunization administration (90460–90474): a visit billed the same
    /// day needs modifier 25 to be paid separately.
    var needsSeparateVisitModifier: Bool { within(10021...69990) || within(90460...90474) }
    /// Musculoskeletal procedures (20600–29999), which payers want with a side.
    var isMusculoskeletal: Bool { within(20600...29999) }
    /// Physical medicine and rehabilitation (97010–97799), billed under a therapy plan (GP/GO/GN).
    var isPhysicalMedicine: Bool { within(97010...97799) }
}
