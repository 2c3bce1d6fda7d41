import X12

/// Our description of the 837P professional claim guide, 005010X222A1: loops, segment order,
/// usage, repeats and the qualifiers that distinguish same-tagged segments.
///
/// Written from the guide's published structure (segment tables per loop). Element-level detail
/// (types, lengths, code lists) is added by the validation layer.
public enum X222A1 {
    public static let implementationReference = "005010X222A1"

    /// The transaction set from ST to SE; SE closes it and is matched by the walker itself.
    public static let transactionSet = LoopSchema(
        "ST", "Transaction Set", .required,
        segments: [
            seg("ST", "Transaction Set Header", .required),
            seg("BHT", "Beginning of Hierarchical Transaction", .required),
        ],
        loops: [submitter, receiver, billingProvider])

    static let submitter = LoopSchema(
        "1000A", "Submitter Name", .required,
        segments: [
            seg("NM1", "Submitter Name", .required, q: "41"),
            seg("PER", "Submitter EDI Contact Information", .required, max: 2, q: "IC"),
        ])

    static let receiver = LoopSchema(
        "1000B", "Receiver Name", .required, segments: [seg("NM1", "Receiver Name", .required, q: "40")])

    static let billingProvider = LoopSchema(
        "2000A", "Billing Provider Hierarchical Level", .required, maxRepeat: .max,
        segments: [
            seg("HL", "Billing Provider Hierarchical Level", .required, qualifier: Qualifier(element: 3, values: ["20"])),
            seg("PRV", "Billing Provider Specialty Information", .situational, q: "BI"),
            seg("CUR", "Foreign Currency Information", .situational, q: "85"),
        ],
        loops: [
            LoopSchema(
                "2010AA", "Billing Provider Name", .required,
                segments: [
                    seg("NM1", "Billing Provider Name", .required, q: "85"),
                    seg("N3", "Billing Provider Address", .required),
                    seg("N4", "Billing Provider City, State, ZIP Code", .required),
                    seg("REF", "Billing Provider Tax Identification", .required, q: "EI", "SY"),
                    seg("REF", "Billing Provider UPIN/License Information", .situational, max: 2, q: "0B", "1G"),
                    seg("PER", "Billing Provider Contact Information", .situational, max: 2, q: "IC"),
                ]),
            LoopSchema(
                "2010AB", "Pay-to Address Name", .situational,
                segments: [
                    seg("NM1", "Pay-to Address Name", .required, q: "87"),
                    seg("N3", "Pay-to Address", .required),
                    seg("N4", "Pay-to Address City, State, ZIP Code", .required),
                ]),
            LoopSchema(
                "2010AC", "Pay-to Plan Name", .situational,
                segments: [
                    seg("NM1", "Pay-to Plan Name", .required, q: "PE"),
                    seg("N3", "Pay-to Plan Address", .required),
                    seg("N4", "Pay-to Plan City, State, ZIP Code", .required),
                    seg("REF", "Pay-to Plan Secondary Identification", .situational, q: "2U", "FY", "NF"),
                    seg("REF", "Pay-to Plan Tax Identification Number", .required, q: "EI"),
                ]),
            subscriber,
        ])

    static let subscriber = LoopSchema(
        "2000B", "Subscriber Hierarchical Level", .required, maxRepeat: .max,
        segments: [
            seg("HL", "Subscriber Hierarchical Level", .required, qualifier: Qualifier(element: 3, values: ["22"])),
            seg("SBR", "Subscriber Information", .required),
            seg("PAT", "Patient Information", .situational),
        ],
        loops: [
            LoopSchema(
                "2010BA", "Subscriber Name", .required,
                segments: [
                    seg("NM1", "Subscriber Name", .required, q: "IL"),
                    seg("N3", "Subscriber Address", .situational),
                    seg("N4", "Subscriber City, State, ZIP Code", .situational),
                    seg("DMG", "Subscriber Demographic Information", .situational, q: "D8"),
                    seg("REF", "Subscriber Secondary Identification", .situational, q: "SY"),
                    seg("REF", "Property and Casualty Claim Number", .situational, q: "Y4"),
                    seg("PER", "Property and Casualty Subscriber Contact Information", .situational, q: "IC"),
                ]),
            LoopSchema(
                "2010BB", "Payer Name", .required,
                segments: [
                    seg("NM1", "Payer Name", .required, q: "PR"),
                    seg("N3", "Payer Address", .situational),
                    seg("N4", "Payer City, State, ZIP Code", .situational),
                    seg("REF", "Payer Secondary Identification", .situational, max: 3, q: "2U", "EI", "FY", "NF"),
                    seg("REF", "Billing Provider Secondary Identification", .situational, max: 2, q: "G2", "LU"),
                ]),
            claim(.situational),
            patient,
        ])

    static let patient = LoopSchema(
        "2000C", "Patient Hierarchical Level", .situational, maxRepeat: .max,
        segments: [
            seg("HL", "Patient Hierarchical Level", .required, qualifier: Qualifier(element: 3, values: ["23"])),
            seg("PAT", "Patient Information", .required),
        ],
        loops: [
            LoopSchema(
                "2010CA", "Patient Name", .required,
                segments: [
                    seg("NM1", "Patient Name", .required, q: "QC"),
                    seg("N3", "Patient Address", .required),
                    seg("N4", "Patient City, State, ZIP Code", .required),
                    seg("DMG", "Patient Demographic Information", .required, q: "D8"),
                    seg("REF", "Property and Casualty Claim Number", .situational, q: "Y4"),
                    seg("REF", "Property and Casualty Patient Identifier", .situational, q: "1W", "SY"),
                    seg("PER", "Property and Casualty Patient Contact Information", .situational, q: "IC"),
                ]),
            claim(.required),
        ])

    /// Loop 2300 sits under the subscriber (patient is the subscriber) or under the patient level.
    static func claim(_ usage: Usage) -> LoopSchema {
        LoopSchema(
            "2300", "Claim Information", usage, maxRepeat: 100,
            segments: [
                seg("CLM", "Claim Information", .required),
                dtp("Date - Onset of Current Illness or Symptom", "431"),
                dtp("Date - Initial Treatment", "454"),
                dtp("Date - Last Seen", "304"),
                dtp("Date - Acute Manifestation", "453"),
                dtp("Date - Accident", "439"),
                dtp("Date - Last Menstrual Period", "484"),
                dtp("Date - Last X-ray", "455"),
                dtp("Date - Hearing and Vision Prescription Date", "471"),
                dtp("Date - Disability Dates", "314", "360", "361"),
                dtp("Date - Last Worked", "297"),
                dtp("Date - Authorized Return to Work", "296"),
                dtp("Date - Admission", "435"),
                dtp("Date - Discharge", "096"),
                seg("DTP", "Date - Assumed and Relinquished Care Dates", .situational, max: 2, q: "090", "091"),
                dtp("Date - Property and Casualty Date of First Contact", "444"),
                dtp("Date - Repricer Received Date", "050"),
                seg("PWK", "Claim Supplemental Information", .situational, max: 10),
                seg("CN1", "Contract Information", .situational),
                seg("AMT", "Patient Amount Paid", .situational, q: "F5"),
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
                seg("K3", "File Information", .situational, max: 10),
                seg("NTE", "Claim Note", .situational, q: "ADD", "CER", "DCP", "DGN", "TPO"),
                seg("CR1", "Ambulance Transport Information", .situational),
                seg("CR2", "Spinal Manipulation Service Information", .situational),
                seg("CRC", "Ambulance Certification", .situational, max: 3, q: "07"),
                seg("CRC", "Patient Condition Information: Vision", .situational, max: 3, q: "E1", "E2", "E3"),
                seg("CRC", "Homebound Indicator", .situational, q: "75"),
                seg("CRC", "EPSDT Referral", .situational, q: "ZZ"),
                seg("HI", "Health Care Diagnosis Code", .required, qualifier: Qualifier(component: 1, values: ["ABK", "BK"])),
                seg("HI", "Anesthesia Related Procedure", .situational, qualifier: Qualifier(component: 1, values: ["BP", "BO"])),
                seg("HI", "Condition Information", .situational, max: 2, qualifier: Qualifier(component: 1, values: ["BG"])),
                seg("HCP", "Claim Pricing/Repricing Information", .situational),
            ],
            loops: [
                LoopSchema(
                    "2310A", "Referring Provider Name", .situational, maxRepeat: 2,
                    segments: [
                        seg("NM1", "Referring Provider Name", .required, q: "DN", "P3"),
                        seg("REF", "Referring Provider Secondary Identification", .situational, max: 3),
                    ]),
                LoopSchema(
                    "2310B", "Rendering Provider Name", .situational,
                    segments: [
                        seg("NM1", "Rendering Provider Name", .required, q: "82"),
                        seg("PRV", "Rendering Provider Specialty Information", .situational, q: "PE"),
                        seg("REF", "Rendering Provider Secondary Identification", .situational, max: 4),
                    ]),
                LoopSchema(
                    "2310C", "Service Facility Location Name", .situational,
                    segments: [
                        seg("NM1", "Service Facility Location Name", .required, q: "77"),
                        seg("N3", "Service Facility Location Address", .required),
                        seg("N4", "Service Facility Location City, State, ZIP Code", .required),
                        seg("REF", "Service Facility Location Secondary Identification", .situational, max: 3),
                        seg("PER", "Service Facility Contact Information", .situational, q: "IC"),
                    ]),
                LoopSchema(
                    "2310D", "Supervising Provider Name", .situational,
                    segments: [
                        seg("NM1", "Supervising Provider Name", .required, q: "DQ"),
                        seg("REF", "Supervising Provider Secondary Identification", .situational, max: 4),
                    ]),
                location("2310E", "Ambulance Pick-up Location", "PW"),
                location("2310F", "Ambulance Drop-off Location", "45"),
                otherSubscriber,
                serviceLine,
            ])
    }

    static let otherSubscriber = LoopSchema(
        "2320", "Other Subscriber Information", .situational, maxRepeat: 10,
        segments: [
            seg("SBR", "Other Subscriber Information", .required),
            seg("CAS", "Claim Level Adjustments", .situational, max: 5),
            seg("AMT", "Coordination of Benefits (COB) Payer Paid Amount", .situational, q: "D"),
            seg("AMT", "Coordination of Benefits (COB) Total Non-Covered Amount", .situational, q: "A8"),
            seg("AMT", "Remaining Patient Liability", .situational, q: "EAF"),
            seg("OI", "Other Insurance Coverage Information", .required),
            seg("MOA", "Outpatient Adjudication Information", .situational),
        ],
        loops: [
            LoopSchema(
                "2330A", "Other Subscriber Name", .required,
                segments: [
                    seg("NM1", "Other Subscriber Name", .required, q: "IL"),
                    seg("N3", "Other Subscriber Address", .situational),
                    seg("N4", "Other Subscriber City, State, ZIP Code", .situational),
                    seg("REF", "Other Subscriber Secondary Identification", .situational, q: "SY"),
                ]),
            LoopSchema(
                "2330B", "Other Payer Name", .required,
                segments: [
                    seg("NM1", "Other Payer Name", .required, q: "PR"),
                    seg("N3", "Other Payer Address", .situational),
                    seg("N4", "Other Payer City, State, ZIP Code", .situational),
                    seg("DTP", "Claim Check or Remittance Date", .situational, q: "573"),
                    seg("REF", "Other Payer Secondary Identifier", .situational, max: 2, q: "2U", "EI", "FY", "NF"),
                    ref("Other Payer Prior Authorization Number", "G1"),
                    ref("Other Payer Referral Number", "9F"),
                    ref("Other Payer Claim Adjustment Indicator", "T4"),
                    ref("Other Payer Claim Control Number", "F8"),
                ]),
            otherPayerProvider("2330C", "Other Payer Referring Provider", maxRepeat: 2, "DN", "P3"),
            otherPayerProvider("2330D", "Other Payer Rendering Provider Secondary Identification", "82"),
            otherPayerProvider("2330E", "Other Payer Service Facility Location Secondary Identification", "77"),
            otherPayerProvider("2330F", "Other Payer Supervising Provider", "DQ"),
            otherPayerProvider("2330G", "Other Payer Billing Provider", "85"),
        ])

    static let serviceLine = LoopSchema(
        "2400", "Service Line Number", .required, maxRepeat: 50,
        segments: [
            seg("LX", "Service Line Number", .required),
            seg("SV1", "Professional Service", .required),
            seg("SV5", "Durable Medical Equipment Service", .situational),
            seg("PWK", "Line Supplemental Information", .situational, max: 10),
            seg("PWK", "Durable Medical Equipment Certificate of Medical Necessity Indicator", .situational, q: "CT"),
            seg("CR1", "Ambulance Transport Information", .situational),
            seg("CR3", "Durable Medical Equipment Certification", .situational),
            seg("CRC", "Ambulance Certification", .situational, max: 3, q: "07"),
            seg("CRC", "Hospice Employee Indicator", .situational, q: "70"),
            seg("CRC", "Condition Indicator/Durable Medical Equipment", .situational, q: "09"),
            seg("DTP", "Date - Service Date", .required, q: "472"),
            dtp("Date - Prescription Date", "471"),
            dtp("Date - Certification Revision/Recertification Date", "607"),
            dtp("Date - Begin Therapy Date", "463"),
            dtp("Date - Last Certification Date", "461"),
            dtp("Date - Last Seen Date", "304"),
            seg("DTP", "Date - Test Date", .situational, max: 2, q: "738", "739"),
            dtp("Date - Shipped Date", "011"),
            dtp("Date - Last X-ray Date", "455"),
            dtp("Date - Initial Treatment Date", "454"),
            seg("QTY", "Ambulance Patient Count", .situational, q: "PT"),
            seg("QTY", "Obstetric Anesthesia Additional Units", .situational, q: "FL"),
            seg("MEA", "Test Result", .situational, max: 5),
            seg("CN1", "Contract Information", .situational),
            ref("Repriced Line Item Reference Number", "9B"),
            ref("Adjusted Repriced Line Item Reference Number", "9D"),
            seg("REF", "Prior Authorization", .situational, max: 5, q: "G1"),
            ref("Line Item Control Number", "6R"),
            ref("Mammography Certification Number", "EW"),
            ref("Clinical Laboratory Improvement Amendment (CLIA) Number", "X4"),
            ref("Referring Clinical Laboratory Improvement Amendment (CLIA) Facility Identification", "F4"),
            ref("Immunization Batch Number", "BT"),
            seg("REF", "Referral Number", .situational, max: 5, q: "9F"),
            seg("AMT", "Sales Tax Amount", .situational, q: "T"),
            seg("AMT", "Postage Claimed Amount", .situational, q: "F4"),
            seg("K3", "File Information", .situational, max: 10),
            seg("NTE", "Line Note", .situational, q: "ADD", "DCP"),
            seg("NTE", "Third Party Organization Notes", .situational, q: "TPO"),
            seg("PS1", "Purchased Service Information", .situational),
            seg("HCP", "Line Pricing/Repricing Information", .situational),
        ],
        loops: [
            LoopSchema(
                "2410", "Drug Identification", .situational,
                segments: [
                    seg("LIN", "Drug Identification", .required),
                    seg("CTP", "Drug Quantity", .required),
                    seg("REF", "Prescription or Compound Drug Association Number", .situational, q: "VY", "XZ"),
                ]),
            LoopSchema(
                "2420A", "Rendering Provider Name", .situational,
                segments: [
                    seg("NM1", "Rendering Provider Name", .required, q: "82"),
                    seg("PRV", "Rendering Provider Specialty Information", .situational, q: "PE"),
                    seg("REF", "Rendering Provider Secondary Identification", .situational, max: 20),
                ]),
            LoopSchema(
                "2420B", "Purchased Service Provider Name", .situational,
                segments: [
                    seg("NM1", "Purchased Service Provider Name", .required, q: "QB"),
                    seg("REF", "Purchased Service Provider Secondary Identification", .situational, max: 20),
                ]),
            LoopSchema(
                "2420C", "Service Facility Location Name", .situational,
                segments: [
                    seg("NM1", "Service Facility Location Name", .required, q: "77"),
                    seg("N3", "Service Facility Location Address", .required),
                    seg("N4", "Service Facility Location City, State, ZIP Code", .required),
                    seg("REF", "Service Facility Location Secondary Identification", .situational, max: 3),
                ]),
            LoopSchema(
                "2420D", "Supervising Provider Name", .situational,
                segments: [
                    seg("NM1", "Supervising Provider Name", .required, q: "DQ"),
                    seg("REF", "Supervising Provider Secondary Identification", .situational, max: 20),
                ]),
            LoopSchema(
                "2420E", "Ordering Provider Name", .situational,
                segments: [
                    seg("NM1", "Ordering Provider Name", .required, q: "DK"),
                    seg("N3", "Ordering Provider Address", .situational),
                    seg("N4", "Ordering Provider City, State, ZIP Code", .situational),
                    seg("REF", "Ordering Provider Secondary Identification", .situational, max: 20),
                    seg("PER", "Ordering Provider Contact Information", .situational, q: "IC"),
                ]),
            LoopSchema(
                "2420F", "Referring Provider Name", .situational, maxRepeat: 2,
                segments: [
                    seg("NM1", "Referring Provider Name", .required, q: "DN", "P3"),
                    seg("REF", "Referring Provider Secondary Identification", .situational, max: 20),
                ]),
            location("2420G", "Ambulance Pick-up Location", "PW"),
            location("2420H", "Ambulance Drop-off Location", "45"),
            LoopSchema(
                "2430", "Line Adjudication Information", .situational, maxRepeat: 15,
                segments: [
                    seg("SVD", "Line Adjudication Information", .required),
                    seg("CAS", "Line Adjustment", .situational, max: 5),
                    seg("DTP", "Line Check or Remittance Date", .required, q: "573"),
                    seg("AMT", "Remaining Patient Liability", .situational, q: "EAF"),
                ]),
            LoopSchema(
                "2440", "Form Identification Code", .situational, maxRepeat: .max,
                segments: [
                    seg("LQ", "Form Identification Code", .required, q: "AS", "UT"),
                    seg("FRM", "Supporting Documentation", .required, max: 99),
                ]),
        ])

    // MARK: Building blocks

    static func seg(_ id: SegmentID, _ name: String, _ usage: Usage, max: Int = 1, q values: String...) -> SegmentSchema {
        SegmentSchema(id, name, usage, maxUse: max, qualifier: values.isEmpty ? nil : Qualifier(values: values))
    }

    static func seg(_ id: SegmentID, _ name: String, _ usage: Usage, max: Int = 1, qualifier: Qualifier) -> SegmentSchema {
        SegmentSchema(id, name, usage, maxUse: max, qualifier: qualifier)
    }

    static func dtp(_ name: String, _ qualifiers: String...) -> SegmentSchema {
        SegmentSchema("DTP", name, .situational, qualifier: Qualifier(values: qualifiers))
    }

    static func ref(_ name: String, _ qualifier: String) -> SegmentSchema {
        SegmentSchema("REF", name, .situational, qualifier: Qualifier(values: [qualifier]))
    }

    static func location(_ id: String, _ name: String, _ entity: String) -> LoopSchema {
        LoopSchema(
            id, name, .situational,
            segments: [
                seg("NM1", name, .required, q: entity),
                seg("N3", "\(name) Address", .required),
                seg("N4", "\(name) City, State, ZIP Code", .required),
            ])
    }

    static func otherPayerProvider(_ id: String, _ name: String, maxRepeat: Int = 1, _ entities: String...)
        -> LoopSchema
    {
        LoopSchema(
            id, name, .situational, maxRepeat: maxRepeat,
            segments: [
                SegmentSchema("NM1", name, .required, qualifier: Qualifier(values: entities)),
                seg("REF", "\(name) Secondary Identification", .required, max: 3),
            ])
    }
}
