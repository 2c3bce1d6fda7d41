import X12

/// Loops 2000B (subscriber, payer) and 2000C (patient, when not the subscriber).
extension X222A1 {
    static let claimFilingIndicators = "11 12 13 14 15 16 17 AM BL CH CI DS FI HM LM MA MB MC OF TV VA WC ZZ"
    static let payerResponsibility = "A B C D E F G H P S T U"
    static let medicareSecondaryTypes = "12 13 14 15 16 41 42 43 47"

    static let subscriber = LoopSchema(
        "2000B", "Subscriber Hierarchical Level", .required, maxRepeat: .max,
        segments: [
            seg(
                "HL", "Subscriber Hierarchical Level", .required, qualifier: Qualifier(element: 3, values: ["22"]),
                e: ["R", "R #HL-002", "R 22", "R 0 1 #HL-004"]),
            seg(
                "SBR", "Subscriber Information", .required,
                e: [
                    "R \(payerResponsibility) #SBR-001", "S 18 #SBR-003", "S", "S", "S \(medicareSecondaryTypes)", "N", "N",
                    "N", "S \(claimFilingIndicators) #SBR-006",
                ]),
            seg(
                "PAT", "Patient Information", .situational,
                e: ["N #SBR-008", "N #SBR-008", "N #SBR-008", "N #SBR-008", "S D8 #SBR-008", "S", "S 01 #SBR-008", "S", "S Y #SBR-008"]),
        ],
        loops: [
            LoopSchema(
                "2010BA", "Subscriber Name", .required,
                segments: [
                    seg(
                        "NM1", "Subscriber Name", .required, q: "IL",
                        e: nm1("IL", "1 2 #SUB-001", person: true, id: "R II MI #SUB-004")),
                    seg("N3", "Subscriber Address", .situational, e: n3),
                    seg("N4", "Subscriber City, State, ZIP Code", .situational, e: n4),
                    seg(
                        "DMG", "Subscriber Demographic Information", .situational, q: "D8",
                        e: ["R D8", "R", "R F M U #SUB-013"]),
                    seg("REF", "Subscriber Secondary Identification", .situational, q: "SY", e: ["R SY", "R %9 #SUB-014"]),
                    ref("Property and Casualty Claim Number", "Y4"),
                    seg("PER", "Property and Casualty Subscriber Contact Information", .situational, q: "IC", e: telephoneContact),
                ]),
            LoopSchema(
                "2010BB", "Payer Name", .required,
                segments: [
                    seg("NM1", "Payer Name", .required, q: "PR", e: nm1("PR", "2 #PAY-001", id: "R PI XV #PAY-001")),
                    seg("N3", "Payer Address", .situational, e: n3),
                    seg("N4", "Payer City, State, ZIP Code", .situational, e: n4),
                    seg(
                        "REF", "Payer Secondary Identification", .situational, max: 3, q: "2U", "EI", "FY", "NF",
                        e: ["R 2U EI FY NF", "R"]),
                    seg(
                        "REF", "Billing Provider Secondary Identification", .situational, max: 2, q: "G2", "LU",
                        e: ["R G2 LU", "R"]),
                ]),
            claim(.situational),
            patient,
        ])

    static let patient = LoopSchema(
        "2000C", "Patient Hierarchical Level", .situational, maxRepeat: .max,
        segments: [
            seg(
                "HL", "Patient Hierarchical Level", .required, qualifier: Qualifier(element: 3, values: ["23"]),
                e: ["R", "R #HL-002", "R 23", "R 0 #HL-004"]),
            seg(
                "PAT", "Patient Information", .required,
                e: ["R 01 19 20 21 39 40 53 G8 #PAT-001", "N", "N", "N", "S D8", "S", "S 01", "S", "S Y"]),
        ],
        loops: [
            LoopSchema(
                "2010CA", "Patient Name", .required,
                segments: [
                    seg("NM1", "Patient Name", .required, q: "QC", e: nm1("QC", "1 #PAT-002", person: true, id: "N #PAT-002")),
                    seg("N3", "Patient Address", .required, e: n3),
                    seg("N4", "Patient City, State, ZIP Code", .required, e: n4),
                    seg(
                        "DMG", "Patient Demographic Information", .required, q: "D8",
                        e: ["R D8 #PAT-004", "R", "R F M U #PAT-004"]),
                    ref("Property and Casualty Claim Number", "Y4"),
                    seg(
                        "REF", "Property and Casualty Patient Identifier", .situational, q: "1W", "SY",
                        e: ["R 1W SY", "R"]),
                    seg("PER", "Property and Casualty Patient Contact Information", .situational, q: "IC", e: telephoneContact),
                ]),
            claim(.required),
        ])
}
