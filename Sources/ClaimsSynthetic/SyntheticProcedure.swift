/// A CPT/HCPCS code with a typical list price and unit range, the raw material of service lines.
struct SyntheticProcedure: Sendable, Hashable {
    var code: String
    /// List price of one unit in cents before the provider's fee factor.
    var unitPrice: Int64
    var units: ClosedRange<Int>

    init(_ code: String, dollars: Int64, units: ClosedRange<Int> = 1...1) {
        self.code = code
        unitPrice = dollars * 100
        self.units = units
    }

    /// Office or outpatient evaluation and management visits, established patients first.
    static let officeVisits: [(SyntheticProcedure, Int)] = [
        (.init("99213", dollars: 125), 50), (.init("99214", dollars: 185), 30), (.init("99212", dollars: 85), 10),
        (.init("99215", dollars: 250), 4), (.init("99203", dollars: 160), 4), (.init("99204", dollars: 240), 2),
    ]
    static let venipuncture = SyntheticProcedure("36415", dollars: 15)
    static let labs: [SyntheticProcedure] = [
        .init("85025", dollars: 35), .init("80053", dollars: 48), .init("83036", dollars: 42),
        .init("80061", dollars: 55), .init("84443", dollars: 52), .init("81002", dollars: 12),
    ]
    static let acuteTests: [SyntheticProcedure] = [
        .init("87880", dollars: 32), .init("87804", dollars: 38), .init("94640", dollars: 40),
        .init("71046", dollars: 110), .init("93000", dollars: 65),
    ]
    static let arthrocentesis = SyntheticProcedure("20610", dollars: 165)
    static let triamcinolone = SyntheticProcedure("J3301", dollars: 6, units: 1...4)
    static let immunizationAdministration = SyntheticProcedure("90471", dollars: 28)
    static let influenzaVaccine = SyntheticProcedure("90686", dollars: 34)
    /// Timed physical-therapy codes, billed in 15-minute units with modifier GP.
    static let therapy: [SyntheticProcedure] = [
        .init("97110", dollars: 68, units: 1...4), .init("97140", dollars: 62, units: 1...3),
        .init("97530", dollars: 70, units: 1...3), .init("97112", dollars: 66, units: 1...2),
    ]
    static let therapyEvaluation = SyntheticProcedure("97162", dollars: 190)
}
