import ClaimsCore
import X12Validation

extension EditCases {
    static let diagnoses: [String: EditCase] = [
        "DX-001": .claim { $0.diagnoses[0].code = "E11.9" },
        "DX-002": .claim { $0.diagnoses[1].code = "1I0" },
        "DX-003": .claim { $0.diagnoses[0].code = "E1199" },
        "DX-004": .claim { $0.diagnoses[1].code = "I109" },
        "DX-005": .claim { $0.diagnoses[0].code = EditCases.deletedCode },
        "DX-006": .claim { $0.diagnoses[1].code = EditCases.deletedCode },
        "DX-007": .claim { $0.diagnoses[0].code = "E11" },
        "DX-008": .claim { $0.diagnoses[1].code = "I25" },
        "DX-009": .claim { $0.diagnoses[0].code = "W010XXA" },
        "DX-010": .claim(setup: { $0.diagnoses[1].code = "O99111" }) { $0.subscriber.gender = "M" },
        "DX-011": .claim(setup: { $0.subscriber.gender = "M"; $0.diagnoses[1].code = "N400" }) { $0.subscriber.gender = "F" },
        "DX-012": .claim(setup: { $0.subscriber.birthDate = CalendarDate(year: 2025, month: 11, day: 1); $0.diagnoses[1].code = "Z3800" }) {
            $0.subscriber.birthDate = CalendarDate(year: 2020, month: 1, day: 1)
        },
        "DX-013": .claim(setup: { $0.subscriber.birthDate = CalendarDate(year: 2025, month: 11, day: 1); $0.diagnoses[1].code = "P0701" }) {
            $0.subscriber.birthDate = CalendarDate(year: 2020, month: 1, day: 1)
        },
        "DX-014": .claim(setup: { $0.subscriber.birthDate = CalendarDate(year: 1995, month: 1, day: 1); $0.diagnoses[1].code = "O99111" }) {
            $0.subscriber.birthDate = CalendarDate(year: 1950, month: 1, day: 1)
        },
        "DX-015": .claim { $0.diagnoses[1].code = "E119" },
        "DX-016": .claim { $0.diagnoses[0].qualifier = "BK" },
    ]

    /// An ICD-10-CM code of the April 2025 release that the FY2026 release deleted, found in the
    /// shipped data so the case follows the data.
    static let deletedCode: String = firstCode(in: CodeSets.standard.icd10cm) { fields in
        fields.count == 4 && fields[3] == "20250930"
            && CodeSets.standard.icd10cm.lookup(String(fields[0]), on: GoodClaim.serviceDate) == .notValidOnDate
    }

    static let procedures: [String: EditCase] = [
        "SVC-002": .claim { $0.serviceLines[0].procedureCode = "9921" },
        "SVC-003": .claim { $0.serviceLines[1].procedureCode = "J8888" },
        "SVC-065": .claim { $0.serviceLines[1].serviceDateFrom = CalendarDate(year: 2019, month: 1, day: 1)
            $0.serviceLines[1].procedureCode = EditCases.recentHCPCS },
        "SVC-067": .claim { $0.serviceLines[1].procedureCode = "D0120" },
        "SVC-006": .claim(setup: { $0.serviceLines[1].procedureCode = "J3490"; $0.serviceLines[1].details.description = "DRUG X 10MG" }) {
            $0.serviceLines[1].details.description = nil
        },
        "SVC-055": .claim { $0.serviceLines[0].modifiers = ["2"] },
        "SVC-056": .claim(setup: { $0.serviceLines[1].modifiers = ["RT"] }) { $0.serviceLines[1].modifiers = ["ZZ"] },
        "SVC-004": .claim { $0.serviceLines[0].modifiers = ["25", "25"] },
        "SVC-005": .claim(setup: { $0.serviceLines[0].modifiers = ["59"] }) { $0.serviceLines[0].modifiers = ["59", "XS"] },
        "SVC-075": .claim(setup: { $0.serviceLines[0].modifiers = ["26"] }) { $0.serviceLines[0].modifiers = ["26", "TC"] },
        "SVC-076": .claim(setup: { $0.serviceLines[0].modifiers = ["LT"] }) { $0.serviceLines[0].modifiers = ["LT", "RT"] },
        "SVC-077": .claim(setup: { $0.serviceLines[0].modifiers = ["50"] }) { $0.serviceLines[0].modifiers = ["50", "RT"] },
        "CLM-008": .claim { $0.placeOfService = "98" },
        "SVC-064": .claim(setup: { $0.serviceLines[0].placeOfService = "22" }) { $0.serviceLines[0].placeOfService = "37" },
        "CLM-009": .claim { $0.frequencyCode = "2" },
    ]

    /// A HCPCS code added after 2020, so not valid on a 2019 date of service.
    static let recentHCPCS: String = firstCode(in: CodeSets.standard.hcpcs) { fields in
        fields.count >= 3 && fields[2] >= "20200101"
    }

    static func firstCode(in set: CodeSet, where test: ([Substring]) -> Bool) -> String {
        for line in set.serialized().split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if test(fields) { return String(fields[0]) }
        }
        return "NONE"
    }

    static let identifiers: [String: EditCase] = {
        var cases: [String: EditCase] = [
            "BP-008": .claim { $0.billingProvider.npi = "1234567890" },
            "PRV-002": .claim { $0.providers.referring[0].npi = "1234567890" },
            "PRV-006": .claim { $0.providers.rendering?.npi = "1234567890" },
            "PRV-012": .claim { $0.providers.serviceFacility?.npi = "123456789" },
            "PRV-014": .claim { $0.providers.supervising?.npi = "3234567893" },
            "BP-002": .claim { $0.billingProvider.taxonomy = "207Q0000X" },
            "PRV-009": .claim { $0.providers.rendering?.taxonomy = "207q00000X" },
            "SVC-068": .claim(setup: { $0.serviceLines[0].details.rendering = GoodClaim.party("82", "163456789") }) {
                $0.serviceLines[0].details.rendering?.taxonomy = "2070000000"
            },
            "BP-019": .claim { $0.billingProvider.taxID = "111111111" },
            "CLM-036": .claim(setup: { $0.details.cliaNumber = "12D3456789" }) { $0.details.cliaNumber = "12-3456789" },
            "SVC-070": .claim(setup: { $0.serviceLines[0].details.cliaNumber = "12D3456789" }) { $0.serviceLines[0].details.cliaNumber = "123456789" },
            "SVC-058": .claim { $0.serviceLines[1].details.ndc = "0003-0293-05" },
        ]
        typealias Setter = @Sendable (inout LineDetails, ClaimParty) -> Void
        let setters: [(String, Setter, String)] = [
            ("SVC-033", { $0.rendering = $1 }, "82"), ("SVC-080", { $0.purchasedService = $1 }, "QB"),
            ("SVC-035", { $0.serviceFacility = $1 }, "77"), ("SVC-036", { $0.supervising = $1 }, "DQ"),
            ("SVC-037", { $0.ordering = $1 }, "DK"),
        ]
        for (id, set, entity) in setters {
            let good = GoodClaim.party(entity, "173456789")
            let bad = ClaimParty(
                entityCode: good.entityCode, entityType: good.entityType, lastOrOrganizationName: good.lastOrOrganizationName,
                npi: String(GoodClaim.npi("173456789").dropLast()) + "0", taxonomy: good.taxonomy, address: good.address)
            cases[id] = .claim(setup: { set(&$0.serviceLines[0].details, good) }) { set(&$0.serviceLines[0].details, bad) }
        }
        cases["SVC-038"] = .claim(setup: { $0.serviceLines[0].details.referring = [GoodClaim.party("DN", "173456789")] }) {
            $0.serviceLines[0].details.referring[0].npi = GoodClaim.npi("173456789") == "1734567890" ? "1734567891" : "1734567890"
        }
        return cases
    }()
}
