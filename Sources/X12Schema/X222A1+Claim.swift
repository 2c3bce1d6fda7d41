import X12

/// Loop 2300 (claim) and its provider loops 2310A–2310F.
extension X222A1 {
    static let claimElements = [
        "R", "R", "N #CLM-006", "N #CLM-006", "R {R; R B #CLM-007; R}", "R N Y #CLM-014", "R A B C #CLM-015",
        "R N W Y #CLM-016", "R I Y #CLM-017", "S P #CLM-018",
        "S {R AA EM OA; S AA EM OA; N; S; S}", "S 02 03 05 09 #CLM-021", "N", "N", "N", "N", "N", "N",
        "N", "S 1 2 3 4 5 6 7 8 9 10 11 15",
    ]
    static let attachmentTypes =
        "03 04 05 06 07 08 09 10 11 13 15 21 A3 A4 AM AS B2 B3 B4 BR BS BT CB CK CT D2 DA DB DG DJ DS EB HC HR I5 IR LA M1 MT NN OB OC OD OE OX OZ P4 P5 PE PN PO PQ PY PZ RB RR RT RX SG V5 XP"
    static let attachment = ["R \(attachmentTypes)", "R AA BM EL EM FT FX", "N", "N", "S AC", "S"]
    static let ambulanceCodes = "01 04 05 06 07 08 09 12"
    static let pricingMethods = "00 01 02 03 04 05 07 08 09 10 11 12 13 14"
    static let pricingTail = ["S T1 T2 T3 T4 T5 T6", "S 1 2 3 4 5", "S 1 2 3 4 5 6"]

    /// `HI` notation: the first composite's qualifiers, then the others' (all with a code in -2).
    static func hi(_ first: String, _ others: String?, count: Int = 12) -> [String] {
        ["R {R \(first) #CLM-045; R}"] + (1..<12).map { $0 < count ? "S {R \(others ?? first) #CLM-045; R}" : "N" }
    }

    /// Loop 2300 sits under the subscriber (patient is the subscriber) or under the patient level.
    static func claim(_ usage: Usage) -> LoopSchema {
        LoopSchema(
            "2300", "Claim Information", usage, maxRepeat: 100,
            segments: [
                seg("CLM", "Claim Information", .required, e: claimElements),
                dtp("Date - Onset of Current Illness or Symptom", "431"),
                dtp("Date - Initial Treatment", "454"),
                dtp("Date - Last Seen", "304"),
                dtp("Date - Acute Manifestation", "453"),
                dtp("Date - Accident", "439"),
                dtp("Date - Last Menstrual Period", "484"),
                dtp("Date - Last X-ray", "455"),
                dtp("Date - Hearing and Vision Prescription Date", "471"),
                dtp("Date - Disability Dates", "314", "360", "361", formats: "D8 RD8"),
                dtp("Date - Last Worked", "297"),
                dtp("Date - Authorized Return to Work", "296"),
                dtp("Date - Admission", "435"),
                dtp("Date - Discharge", "096"),
                dtp("Date - Assumed and Relinquished Care Dates", "090", "091", max: 2),
                dtp("Date - Property and Casualty Date of First Contact", "444"),
                dtp("Date - Repricer Received Date", "050"),
                seg("PWK", "Claim Supplemental Information", .situational, max: 10, e: attachment),
                seg("CN1", "Contract Information", .situational, e: ["R 01 02 03 04 05 06 09 #CLM-031", "S", "S", "S", "S", "S"]),
                seg("AMT", "Patient Amount Paid", .situational, q: "F5", e: ["R F5", "R"]),
                ref("Service Authorization Exception Code", "4N"),
                ref("Mandatory Medicare (Section 4081) Crossover Indicator", "F5"),
                ref("Mammography Certification Number", "EW"),
                ref("Referral Number", "9F"),
                ref("Prior Authorization", "G1"),
                ref("Payer Claim Control Number", "F8"),
                ref("Clinical Laboratory Improvement Amendment (CLIA) Number", "X4"),
                ref("Repriced Claim Number", "9A"),
                ref("Adjusted Repriced Claim Number", "9C"),
                ref("Investigational Device Exemption Number", "LX"),
                ref("Claim Identifier For Transmission Intermediaries", "D9"),
                ref("Medical Record Number", "EA"),
                ref("Demonstration Project Identifier", "P4"),
                ref("Care Plan Oversight", "1J"),
                seg("K3", "File Information", .situational, max: 10, e: ["R"]),
                seg(
                    "NTE", "Claim Note", .situational, q: "ADD", "CER", "DCP", "DGN", "TPO",
                    e: ["R ADD CER DCP DGN TPO", "R"]),
                seg("CR1", "Ambulance Transport Information", .situational, e: ambulanceTransport),
                seg(
                    "CR2", "Spinal Manipulation Service Information", .situational,
                    e: ["N", "N", "N", "N", "N", "N", "N", "R A C D E F G M", "N", "S", "S"]),
                seg("CRC", "Ambulance Certification", .situational, max: 3, q: "07", e: condition("07", "N Y", ambulanceCodes)),
                seg(
                    "CRC", "Patient Condition Information: Vision", .situational, max: 3, q: "E1", "E2", "E3",
                    e: condition("E1 E2 E3", "N Y", "L1 L2 L3 L4 L5")),
                seg("CRC", "Homebound Indicator", .situational, q: "75", e: ["R 75", "R Y", "R IH"]),
                seg(
                    "CRC", "EPSDT Referral", .situational, q: "ZZ",
                    e: ["R ZZ", "R N Y", "R AV NU S2 ST", "S AV NU S2 ST", "S AV NU S2 ST"]),
                seg(
                    "HI", "Health Care Diagnosis Code", .required, qualifier: Qualifier(component: 1, values: ["ABK", "BK"]),
                    e: hi("ABK BK", "ABF BF")),
                seg(
                    "HI", "Anesthesia Related Procedure", .situational, qualifier: Qualifier(component: 1, values: ["BP", "BO"]),
                    e: hi("BP", "BO", count: 2)),
                seg(
                    "HI", "Condition Information", .situational, max: 2, qualifier: Qualifier(component: 1, values: ["BG"]),
                    e: hi("BG", nil)),
                seg(
                    "HCP", "Claim Pricing/Repricing Information", .situational,
                    e: ["R \(pricingMethods) #CLM-057", "R", "S", "S", "S", "S", "S", "N", "N", "N", "N", "N"] + pricingTail),
            ],
            loops: [
                LoopSchema(
                    "2310A", "Referring Provider Name", .situational, maxRepeat: 2,
                    segments: [
                        seg(
                            "NM1", "Referring Provider Name", .required, q: "DN", "P3",
                            e: nm1("DN P3", "1 #PRV-001", person: true, id: "S XX")),
                        seg("REF", "Referring Provider Secondary Identification", .situational, max: 3, e: ["R 0B 1G G2", "R"]),
                    ]),
                LoopSchema(
                    "2310B", "Rendering Provider Name", .situational,
                    segments: [
                        seg(
                            "NM1", "Rendering Provider Name", .required, q: "82",
                            e: nm1("82", "1 2 #PRV-005", person: true, id: "S XX")),
                        seg(
                            "PRV", "Rendering Provider Specialty Information", .situational, q: "PE",
                            e: ["R PE", "R PXC", "R"]),
                        seg(
                            "REF", "Rendering Provider Secondary Identification", .situational, max: 4,
                            e: ["R 0B 1G G2 LU", "R"]),
                    ]),
                LoopSchema(
                    "2310C", "Service Facility Location Name", .situational,
                    segments: [
                        seg("NM1", "Service Facility Location Name", .required, q: "77", e: nm1("77", "2 #PRV-011", id: "S XX")),
                        seg("N3", "Service Facility Location Address", .required, e: n3),
                        seg("N4", "Service Facility Location City, State, ZIP Code", .required, e: n4),
                        seg(
                            "REF", "Service Facility Location Secondary Identification", .situational, max: 3,
                            e: ["R 0B G2 LU", "R"]),
                        seg("PER", "Service Facility Contact Information", .situational, q: "IC", e: telephoneContact),
                    ]),
                LoopSchema(
                    "2310D", "Supervising Provider Name", .situational,
                    segments: [
                        seg(
                            "NM1", "Supervising Provider Name", .required, q: "DQ",
                            e: nm1("DQ", "1", person: true, id: "S XX")),
                        seg(
                            "REF", "Supervising Provider Secondary Identification", .situational, max: 4,
                            e: ["R 0B 1G G2 LU", "R"]),
                    ]),
                location("2310E", "Ambulance Pick-up Location", "PW"),
                location("2310F", "Ambulance Drop-off Location", "45", nameUsage: "S"),
                otherSubscriber,
                serviceLine,
            ])
    }

    static let ambulanceTransport = ["S LB", "S", "N", "R A B C D E", "R DH", "R", "N", "N", "S", "S"]

    /// CRC notation: category, yes/no answer, then up to five condition codes (the first required).
    static func condition(_ category: String, _ answers: String, _ codes: String, more: Int = 4) -> [String] {
        ["R \(category)", "R \(answers)", "R \(codes)"] + (0..<4).map { $0 < more ? "S \(codes)" : "N" }
    }
}
