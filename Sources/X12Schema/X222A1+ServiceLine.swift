import X12

/// Loop 2400 (service line) and its 2410–2440 loops.
extension X222A1 {
    static let pointers = "1 2 3 4 5 6 7 8 9 10 11 12"
    static let procedureCodes = "{R ER HC IV WK #SVC-001; R; S; S; S; S; S}"
    static let professionalService = [
        "R \(procedureCodes)", "R", "R MJ UN #SVC-008", "R", "S", "N",
        "R {R \(pointers) #SVC-012; S \(pointers) #SVC-012; S \(pointers) #SVC-012; S \(pointers) #SVC-012}", "N",
        "S Y #SVC-016", "N", "S Y #SVC-016", "S Y #SVC-016", "N", "N", "S 0",
    ]
    /// Line references that may carry another payer's id in REF04.
    static let payerReference = "S {R 2U; R}"

    static func lineReference(_ name: String, _ qualifier: String, max: Int = 1, provider: Bool = false) -> SegmentSchema {
        SegmentSchema(
            "REF", name, .situational, maxUse: max, qualifier: Qualifier(values: [qualifier]),
            elements: ["R \(qualifier)", "R", "N", payerReference])
    }

    static func providerReferences(_ name: String, _ qualifiers: String, max: Int = 20) -> SegmentSchema {
        SegmentSchema("REF", name, .situational, maxUse: max, elements: ["R \(qualifiers)", "R", "N", payerReference])
    }

    static let serviceLine = LoopSchema(
        "2400", "Service Line Number", .required, maxRepeat: 50,
        segments: [
            seg("LX", "Service Line Number", .required, e: ["R #HL-009"]),
            seg("SV1", "Professional Service", .required, e: professionalService),
            seg("SV5", "Durable Medical Equipment Service", .situational, e: ["R {R HC; R}", "R DA", "R", "R", "R", "R 1 4 6"]),
            // PWK02 tells the line attachment from the CMN indicator (PWK*CT*AD), which shares PWK01=CT.
            seg(
                "PWK", "Line Supplemental Information", .situational, max: 10,
                qualifier: Qualifier(element: 2, values: ["AA", "BM", "EL", "EM", "FT", "FX"]), e: attachment),
            seg(
                "PWK", "Durable Medical Equipment Certificate of Medical Necessity Indicator", .situational, q: "CT",
                e: ["R CT", "R AB AD AF AG NS"]),
            seg("CR1", "Ambulance Transport Information", .situational, e: ambulanceTransport),
            seg("CR3", "Durable Medical Equipment Certification", .situational, e: ["R I R S", "R MO", "R"]),
            seg("CRC", "Ambulance Certification", .situational, max: 3, q: "07", e: condition("07", "N Y", ambulanceCodes)),
            seg("CRC", "Hospice Employee Indicator", .situational, q: "70", e: ["R 70", "R N Y", "R 65"]),
            seg(
                "CRC", "Condition Indicator/Durable Medical Equipment", .situational, q: "09",
                e: condition("09", "N Y", "38 ZV", more: 1)),
            dtp("Date - Service Date", "472", formats: "D8 RD8 #SVC-017", usage: .required),
            dtp("Date - Prescription Date", "471"),
            dtp("Date - Certification Revision/Recertification Date", "607"),
            dtp("Date - Begin Therapy Date", "463"),
            dtp("Date - Last Certification Date", "461"),
            dtp("Date - Last Seen Date", "304"),
            dtp("Date - Test Date", "738", "739", max: 2),
            dtp("Date - Shipped Date", "011"),
            dtp("Date - Last X-ray Date", "455"),
            dtp("Date - Initial Treatment Date", "454"),
            seg("QTY", "Ambulance Patient Count", .situational, q: "PT", e: ["R PT", "R"]),
            seg("QTY", "Obstetric Anesthesia Additional Units", .situational, q: "FL", e: ["R FL", "R"]),
            seg("MEA", "Test Result", .situational, max: 5, e: ["R OG TR", "R HT R1 R2 R3 R4", "R"]),
            seg("CN1", "Contract Information", .situational, e: ["R 01 02 03 04 05 06 09 #CLM-031", "S", "S", "S", "S", "S"]),
            ref("Repriced Line Item Reference Number", "9B"),
            ref("Adjusted Repriced Line Item Reference Number", "9D"),
            lineReference("Prior Authorization", "G1", max: 5),
            ref("Line Item Control Number", "6R"),
            ref("Mammography Certification Number", "EW"),
            ref("Clinical Laboratory Improvement Amendment (CLIA) Number", "X4"),
            ref("Referring Clinical Laboratory Improvement Amendment (CLIA) Facility Identification", "F4"),
            ref("Immunization Batch Number", "BT"),
            lineReference("Referral Number", "9F", max: 5),
            seg("AMT", "Sales Tax Amount", .situational, q: "T", e: ["R T", "R"]),
            seg("AMT", "Postage Claimed Amount", .situational, q: "F4", e: ["R F4", "R"]),
            seg("K3", "File Information", .situational, max: 10, e: ["R"]),
            seg("NTE", "Line Note", .situational, q: "ADD", "DCP", e: ["R ADD DCP", "R"]),
            seg("NTE", "Third Party Organization Notes", .situational, q: "TPO", e: ["R TPO", "R"]),
            seg("PS1", "Purchased Service Information", .situational, e: ["R", "R"]),
            seg(
                "HCP", "Line Pricing/Repricing Information", .situational,
                e: ["R 00 01 02 03 04 05 06 07 08 09 10 11 12 13 14", "R", "S", "S", "S", "S", "S", "N", "S ER HC IV WK", "S",
                    "S MJ UN", "S"] + pricingTail),
        ],
        loops: [
            LoopSchema(
                "2410", "Drug Identification", .situational,
                segments: [
                    seg("LIN", "Drug Identification", .required, e: ["N", "R EN EO HI N4 ON UK UP", "R"]),
                    seg("CTP", "Drug Quantity", .required, e: ["N", "N", "N", "R", "R {R F2 GR ME ML UN}"]),
                    seg(
                        "REF", "Prescription or Compound Drug Association Number", .situational, q: "VY", "XZ",
                        e: ["R VY XZ", "R"]),
                ]),
            LoopSchema(
                "2420A", "Rendering Provider Name", .situational,
                segments: [
                    seg("NM1", "Rendering Provider Name", .required, q: "82", e: nm1("82", "1 2", person: true, id: "S XX")),
                    seg("PRV", "Rendering Provider Specialty Information", .situational, q: "PE", e: ["R PE", "R PXC", "R"]),
                    providerReferences("Rendering Provider Secondary Identification", "0B 1G G2 LU"),
                ]),
            LoopSchema(
                "2420B", "Purchased Service Provider Name", .situational,
                segments: [
                    seg("NM1", "Purchased Service Provider Name", .required, q: "QB", e: nm1("QB", "1 2", name: "N", id: "S XX")),
                    providerReferences("Purchased Service Provider Secondary Identification", "0B 1G G2"),
                ]),
            LoopSchema(
                "2420C", "Service Facility Location Name", .situational,
                segments: [
                    seg("NM1", "Service Facility Location Name", .required, q: "77", e: nm1("77", "2", id: "S XX")),
                    seg("N3", "Service Facility Location Address", .required, e: n3),
                    seg("N4", "Service Facility Location City, State, ZIP Code", .required, e: n4),
                    providerReferences("Service Facility Location Secondary Identification", "G2 LU", max: 3),
                ]),
            LoopSchema(
                "2420D", "Supervising Provider Name", .situational,
                segments: [
                    seg("NM1", "Supervising Provider Name", .required, q: "DQ", e: nm1("DQ", "1", person: true, id: "S XX")),
                    providerReferences("Supervising Provider Secondary Identification", "0B 1G G2 LU"),
                ]),
            LoopSchema(
                "2420E", "Ordering Provider Name", .situational,
                segments: [
                    seg("NM1", "Ordering Provider Name", .required, q: "DK", e: nm1("DK", "1", person: true, id: "S XX")),
                    seg("N3", "Ordering Provider Address", .situational, e: n3),
                    seg("N4", "Ordering Provider City, State, ZIP Code", .situational, e: n4),
                    providerReferences("Ordering Provider Secondary Identification", "0B 1G G2"),
                    seg(
                        "PER", "Ordering Provider Contact Information", .situational, q: "IC",
                        e: per("IC", "EM FX TE", "EM EX FX TE")),
                ]),
            LoopSchema(
                "2420F", "Referring Provider Name", .situational, maxRepeat: 2,
                segments: [
                    seg("NM1", "Referring Provider Name", .required, q: "DN", "P3", e: nm1("DN P3", "1", person: true, id: "S XX")),
                    providerReferences("Referring Provider Secondary Identification", "0B 1G G2"),
                ]),
            location("2420G", "Ambulance Pick-up Location", "PW"),
            location("2420H", "Ambulance Drop-off Location", "45", nameUsage: "S"),
            LoopSchema(
                "2430", "Line Adjudication Information", .situational, maxRepeat: 15,
                segments: [
                    seg("SVD", "Line Adjudication Information", .required, e: ["R", "R", "R \(procedureCodes)", "N", "R", "S"]),
                    seg("CAS", "Line Adjustment", .situational, max: 5, e: adjustment),
                    dtp("Line Check or Remittance Date", "573", usage: .required),
                    seg("AMT", "Remaining Patient Liability", .situational, q: "EAF", e: ["R EAF", "R"]),
                ]),
            LoopSchema(
                "2440", "Form Identification Code", .situational, maxRepeat: .max,
                segments: [
                    seg("LQ", "Form Identification Code", .required, q: "AS", "UT", e: ["R AS UT", "R"]),
                    seg("FRM", "Supporting Documentation", .required, max: 99, e: ["R", "S N W Y", "S", "S", "S"]),
                ]),
        ])
}
