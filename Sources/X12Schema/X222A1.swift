import X12

/// Our description of the 837P professional claim guide, 005010X222A1: loops, segment order,
/// usage, repeats, the qualifiers that distinguish same-tagged segments, and for every segment
/// position its elements (usage, the guide's code lists, the catalog edit that reports them).
///
/// Written from the guide's published structure (segment tables per loop, element tables per
/// segment). Element notation: see `ElementRule`; X12 types and lengths come from `X12Dictionary`.
public enum X222A1 {
    public static let implementationReference = "005010X222A1"

    /// The transaction set from ST to SE; SE closes it and is matched by the walker itself.
    public static let transactionSet = LoopSchema(
        "ST", "Transaction Set", .required,
        segments: [
            seg("ST", "Transaction Set Header", .required, e: ["R 837", "R", "R 005010X222A1"]),
            seg(
                "BHT", "Beginning of Hierarchical Transaction", .required,
                e: ["R 0019 #HDR-001", "R 00 18 #HDR-002", "R #HDR-003", "R", "R", "R 31 CH RP #HDR-005"]),
        ],
        loops: [submitter, receiver, billingProvider])

    static let submitter = LoopSchema(
        "1000A", "Submitter Name", .required,
        segments: [
            seg("NM1", "Submitter Name", .required, q: "41", e: nm1("41", "1 2 #HDR-007", person: true, id: "R 46 #HDR-007")),
            seg(
                "PER", "Submitter EDI Contact Information", .required, max: 2, q: "IC",
                e: per("IC #HDR-009", "ED EM FX TE #HDR-009", "ED EM EX FX TE")),
        ])

    static let receiver = LoopSchema(
        "1000B", "Receiver Name", .required,
        segments: [seg("NM1", "Receiver Name", .required, q: "40", e: nm1("40", "2 #HDR-011", id: "R 46 #HDR-011"))])

    static let billingProvider = LoopSchema(
        "2000A", "Billing Provider Hierarchical Level", .required, maxRepeat: .max,
        segments: [
            seg(
                "HL", "Billing Provider Hierarchical Level", .required, qualifier: Qualifier(element: 3, values: ["20"]),
                e: ["R", "N #HL-002", "R 20", "R 1 #HL-004"]),
            seg(
                "PRV", "Billing Provider Specialty Information", .situational, q: "BI",
                e: ["R BI #BP-001", "R PXC #BP-001", "R"]),
            seg("CUR", "Foreign Currency Information", .situational, q: "85", e: ["R 85", "R"]),
        ],
        loops: [
            LoopSchema(
                "2010AA", "Billing Provider Name", .required,
                segments: [
                    seg(
                        "NM1", "Billing Provider Name", .required, q: "85",
                        e: nm1("85", "1 2 #BP-005", person: true, id: "S XX")),
                    seg("N3", "Billing Provider Address", .required, e: n3),
                    seg("N4", "Billing Provider City, State, ZIP Code", .required, e: n4),
                    seg("REF", "Billing Provider Tax Identification", .required, q: "EI", "SY", e: ["R EI SY", "R"]),
                    seg(
                        "REF", "Billing Provider UPIN/License Information", .situational, max: 2, q: "0B", "1G",
                        e: ["R 0B 1G", "R"]),
                    seg(
                        "PER", "Billing Provider Contact Information", .situational, max: 2, q: "IC",
                        e: per("IC #BP-021", "EM FX TE #BP-021", "EM EX FX TE")),
                ]),
            LoopSchema(
                "2010AB", "Pay-to Address Name", .situational,
                segments: [
                    seg("NM1", "Pay-to Address Name", .required, q: "87", e: nm1("87", "1 2", name: "N")),
                    seg("N3", "Pay-to Address", .required, e: n3),
                    seg("N4", "Pay-to Address City, State, ZIP Code", .required, e: n4),
                ]),
            LoopSchema(
                "2010AC", "Pay-to Plan Name", .situational,
                segments: [
                    seg("NM1", "Pay-to Plan Name", .required, q: "PE", e: nm1("PE", "2", id: "R PI XV")),
                    seg("N3", "Pay-to Plan Address", .required, e: n3),
                    seg("N4", "Pay-to Plan City, State, ZIP Code", .required, e: n4),
                    seg("REF", "Pay-to Plan Secondary Identification", .situational, q: "2U", "FY", "NF", e: ["R 2U FY NF", "R"]),
                    seg("REF", "Pay-to Plan Tax Identification Number", .required, q: "EI", e: ["R EI", "R"]),
                ]),
            subscriber,
        ])
}
