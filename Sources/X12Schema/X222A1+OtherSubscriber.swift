import X12

/// Loop 2320 (other subscriber, coordination of benefits) and its 2330A–2330G loops.
extension X222A1 {
    static let adjustment: [String] =
        ["R CO CR OA PI PR", "R", "R", "S"] + Array(repeating: "S", count: 15)

    static let otherSubscriber = LoopSchema(
        "2320", "Other Subscriber Information", .situational, maxRepeat: 10,
        segments: [
            seg(
                "SBR", "Other Subscriber Information", .required,
                e: [
                    "R \(payerResponsibility) #COB-001", "R 01 18 19 20 21 39 40 53 G8 #COB-002", "S", "S",
                    "S \(medicareSecondaryTypes)", "N", "N", "N", "S \(claimFilingIndicators) #COB-003",
                ]),
            seg("CAS", "Claim Level Adjustments", .situational, max: 5, e: adjustment),
            seg("AMT", "Coordination of Benefits (COB) Payer Paid Amount", .situational, q: "D", e: ["R D", "R"]),
            seg("AMT", "Coordination of Benefits (COB) Total Non-Covered Amount", .situational, q: "A8", e: ["R A8", "R"]),
            seg("AMT", "Remaining Patient Liability", .situational, q: "EAF", e: ["R EAF", "R"]),
            seg("OI", "Other Insurance Coverage Information", .required, e: ["N", "N", "R N W Y", "S P", "N", "R I Y"]),
            seg("MOA", "Outpatient Adjudication Information", .situational, e: ["S", "S", "S", "S", "S", "S", "S", "S", "S"]),
        ],
        loops: [
            LoopSchema(
                "2330A", "Other Subscriber Name", .required,
                segments: [
                    seg("NM1", "Other Subscriber Name", .required, q: "IL", e: nm1("IL", "1 2", person: true, id: "R II MI")),
                    seg("N3", "Other Subscriber Address", .situational, e: n3),
                    seg("N4", "Other Subscriber City, State, ZIP Code", .situational, e: n4),
                    seg("REF", "Other Subscriber Secondary Identification", .situational, q: "SY", e: ["R SY", "R %9"]),
                ]),
            LoopSchema(
                "2330B", "Other Payer Name", .required,
                segments: [
                    seg("NM1", "Other Payer Name", .required, q: "PR", e: nm1("PR", "2", id: "R PI XV")),
                    seg("N3", "Other Payer Address", .situational, e: n3),
                    seg("N4", "Other Payer City, State, ZIP Code", .situational, e: n4),
                    dtp("Claim Check or Remittance Date", "573"),
                    seg("REF", "Other Payer Secondary Identifier", .situational, max: 2, q: "2U", "EI", "FY", "NF", e: ["R 2U EI FY NF", "R"]),
                    ref("Other Payer Prior Authorization Number", "G1"),
                    ref("Other Payer Referral Number", "9F"),
                    ref("Other Payer Claim Adjustment Indicator", "T4"),
                    ref("Other Payer Claim Control Number", "F8"),
                ]),
            otherPayerProvider("2330C", "Other Payer Referring Provider", maxRepeat: 2, types: "1", references: "0B 1G G2", "DN", "P3"),
            otherPayerProvider(
                "2330D", "Other Payer Rendering Provider Secondary Identification", types: "1 2", references: "0B 1G G2 LU", "82"),
            otherPayerProvider(
                "2330E", "Other Payer Service Facility Location Secondary Identification", types: "2", references: "0B G2 LU", "77"),
            otherPayerProvider("2330F", "Other Payer Supervising Provider", types: "1", references: "0B 1G G2 LU", "DQ"),
            otherPayerProvider("2330G", "Other Payer Billing Provider", types: "1 2", references: "G2 LU", maxReferences: 2, "85"),
        ])
}
