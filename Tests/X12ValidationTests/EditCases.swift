/// For every SNIP 1–2 edit of the catalog, a mutation of `EditHarness.base` that must make it fire.
enum EditCases {
    static let claim1 = "CLM*PCN001"
    static let subscriberName = "NM1*IL*1*DOE"
    static let patientDemographics = "DMG*D8*2010"

    static let all: [String: Mutation] = envelope.merging(structure) { a, _ in a }.merging(elements) { a, _ in a }
        .merging(situational) { a, _ in a }

    static let envelope: [String: Mutation] = [
        "ENV-001": .custom { $0[0] = "ISA*00*" },
        "ENV-002": .rawText { $0.replacingOccurrences(of: "*", with: "A") },
        "ENV-003": .set("ISA", 1, "99"),
        "ENV-004": .set("ISA", 2, "12345*7890"),
        "ENV-005": .set("ISA", 3, "99"),
        "ENV-006": .set("ISA", 4, "12345*7890"),
        "ENV-007": .set("ISA", 5, "XX"),
        "ENV-008": .set("ISA", 6, "OTHERSENDER    "),
        "ENV-009": .set("ISA", 8, "OTHERRECEIVER  "),
        "ENV-010": .set("ISA", 9, "261315"),
        "ENV-011": .set("ISA", 10, "2599"),
        "ENV-012": .set("ISA", 11, "U"),
        "ENV-013": .set("ISA", 12, "00401"),
        "ENV-014": .set("ISA", 13, "00000000A"),
        "ENV-015": .set("ISA", 14, "2"),
        "ENV-016": .set("ISA", 15, "X"),
        "ENV-017": .set("ISA", 16, "A"),
        "ENV-018": .remove("IEA"),
        "ENV-019": .set("IEA", 2, "000000002"),
        "ENV-020": .set("IEA", 1, "2"),
        "ENV-021": .resentInterchange,
        "ENV-022": .insert(after: "ISA", ["NTE*ADD*STRAY"]),
        "ENV-027": .rawText { $0.replacingOccurrences(of: "~", with: "A") },
        "ENV-030": .set("ISA", 7, "XX"),
        "GRP-001": .set("GS", 1, "HP"),
        "GRP-004": .custom { segments in
            segments[1] = segments[1].replacingOccurrences(of: "*1200*1*X*", with: "*1200*A1*X*")
            segments[segments.count - 2] = "GE*1*A1"
        },
        "GRP-006": .set("GS", 8, "005010X223A2"),
        "GRP-007": .remove("GE"),
        "GRP-008": .set("GE", 2, "2"),
        "GRP-009": .set("GE", 1, "2"),
        "GRP-010": .custom { segments in
            let group = Array(segments[1...(segments.count - 2)])
            segments.insert(contentsOf: group, at: segments.count - 1)
            segments[segments.count - 1] = "IEA*2*000000001"
        },
        "TS-001": .set("ST", 1, "835"),
        "TS-002": .custom { segments in
            segments[2] = "ST*837*001*005010X222A1"
            segments[segments.count - 3] = "SE*42*001"
        },
        "TS-003": .set("ST", 3, "005010X223A2"),
        "TS-004": .remove("SE"),
        "TS-005": .set("SE", 2, "0002"),
        "TS-006": .set("SE", 1, "99", recount: false),
        "TS-007": .custom(recount: false) { segments in
            let set = Array(segments[2...(segments.count - 3)])
            segments.insert(contentsOf: set, at: segments.count - 2)
            segments[segments.count - 2] = "GE*2*1"
        },
        // 5,002 claims: the dependant's claim repeated after itself.
        "TS-010": .custom { segments in
            let claim = Array(segments[segments.count - 8..<segments.count - 3])
            segments.insert(contentsOf: repeatElement(claim, count: 5_000).joined(), at: segments.count - 3)
        },
    ]

    static let structure: [String: Mutation] = [
        "SEG-001": .insert(after: "DMG*D8*1980", ["n3*LOWER CASE"]),
        "SEG-002": .insert(after: "NM1*PR", ["SVD*PAYER01*10"]),
        "SEG-003": .remove("N4*SPRINGFIELD*IL*627011234"),
        "SEG-004": .insert(after: "HI*ABK:J069", ["NM1*DN*1*DOC*A", "NM1*DN*1*DOC*B", "NM1*DN*1*DOC*C"]),
        "SEG-005": .insert(after: "HI*ABK:J069", ["HI*ABK:J069"]),
        "SEG-006": .insert(after: "DMG*D8*1980", ["BPR*I*100"]),
        "SEG-007": .custom { segments in segments.swapAt(10, 11) },
        "SEG-008": .set(subscriberName, 9, ""),
        "ELE-001": .set(claim1, 1, ""),
        "ELE-002": .set("NM1*85", 9, ""),
        "ELE-003": .set("DTP*472", 4, "X"),
        "ELE-004": .set("N4*SPRINGFIELD*IL*62701", 2, "I"),
        "ELE-005": .set(claim1, 1, String(repeating: "9", count: 39)),
        "ELE-006": .set("SV1*HC:99213", 2, "1O0"),
        "ELE-007": .set(claim1, 11, "ZZ"),
        "ELE-008": .set(patientDemographics, 2, "20101301"),
        "ELE-009": .set("BHT", 5, "2599"),
        "ELE-010": .set("N4*SPRINGFIELD*IL*62702", 7, "XX"),
        "ELE-011": .set("SV1*HC:99213", 1, "HC:99213:::::::X"),
        "ELE-012": .set("N3*1 ELM ST", 1, "1 ELM^ST"),
        "ELE-013": .set("DTP*472", 3, "20260230"),
    ]

    static let situational: [String: Mutation] = [
        "IG-001": .insert(after: "SV1*HC:99213", ["SV2*0300*HC:80053*100*UN*1"]),
        "IG-002": .set(subscriberName, 6, "MR"),
        "IG-003": .set("NM1*85", 8, "24"),
        "IG-010": .insert(after: "HI*ABK:J069", Array(EditHarness.otherPayer.prefix(3)) + ["REF*SY*12345"] + EditHarness.otherPayer.suffix(1)),
        "IG-011": .set(claim1, 2, ""),
        "IG-012": .set(claim1, 5, "11:B:7"),
        "IG-015": .remove("DMG*D8*1980"),
        "IG-016": .custom { segments in segments.removeAll { $0 == "N3*1 ELM ST" || $0 == "N4*SPRINGFIELD*IL*62701" } },
        "IG-017": .set(claim1, 11, "OA"),
        "IG-018": .set(claim1, 11, "AA"),
        "IG-019": .set(subscriberName, 4, ""),
        "IG-020": .set("NM1*85", 4, "JOHN"),
        "IG-021": .set("N4*SPRINGFIELD*IL*62701", 2, ""),
        "IG-022": .set("N4*SPRINGFIELD*IL*62701", 3, ""),
        "IG-023": .insert(after: claim1, ["PWK*OZ*BM"]),
        "HL-001": .set("HL*3", 1, "5"),
        "HL-002": .set("HL*2", 2, "7"),
        "HL-004": .set("HL*2", 4, "1"),
        "HL-006": .set("SBR*P*18", 2, ""),
        "HL-007": .set("SBR*P**GRP2", 2, "18"),
        "HL-009": .set("LX*2", 1, "3"),
    ]

    static let elements: [String: Mutation] = [
        "HDR-001": .set("BHT", 1, "0020"),
        "HDR-002": .set("BHT", 2, "01"),
        "HDR-003": .set("BHT", 3, ""),
        "HDR-005": .set("BHT", 6, "ZZ"),
        "HDR-007": .set("NM1*41", 8, "XX"),
        "HDR-009": .set("PER*IC", 3, "ZZ"),
        "HDR-011": .set("NM1*40", 2, "1"),
        "BP-001": .set("PRV*BI", 2, "ZZZ"),
        "BP-005": .set("NM1*85", 2, "3"),
        "BP-021": .insert(after: "REF*EI", ["PER*IC*BILLING*ZZ*5555550100"]),
        "SBR-001": .set("SBR*P*18", 1, "Z"),
        "SBR-003": .set("SBR*P*18", 2, "19"),
        "SBR-006": .set("SBR*P*18", 9, "ZX"),
        "SBR-008": .insert(after: "SBR*P*18", ["PAT*19"]),
        "SUB-001": .set(subscriberName, 2, "3"),
        "SUB-004": .set(subscriberName, 8, "XX"),
        "SUB-013": .set("DMG*D8*1980", 3, "X"),
        "SUB-014": .insert(after: "DMG*D8*1980", ["REF*SY*12345"]),
        "PAY-001": .set("NM1*PR", 2, "1"),
        "PAT-001": .set("PAT*19", 1, "18"),
        "PAT-002": .set("NM1*QC", 2, "2"),
        "PAT-004": .set(patientDemographics, 3, "X"),
        "CLM-006": .set(claim1, 3, "X"),
        "CLM-007": .set(claim1, 5, "11:A:1"),
        "CLM-014": .set(claim1, 6, "X"),
        "CLM-015": .set(claim1, 7, "X"),
        "CLM-016": .set(claim1, 8, "X"),
        "CLM-017": .set(claim1, 9, "X"),
        "CLM-018": .set(claim1, 10, "X"),
        "CLM-021": .set(claim1, 12, "99"),
        "CLM-031": .insert(after: claim1, ["CN1*99"]),
        "CLM-045": .set("HI*ABK:J069", 2, "ABK:R05"),
        "CLM-057": .insert(after: "HI*ABK:J069", ["HCP*99*100"]),
        "PRV-001": .insert(after: "HI*ABK:J069", ["NM1*DN*2*CLINIC"]),
        "PRV-005": .insert(after: "HI*ABK:J069", ["NM1*82*3*DOC*ANN"]),
        "PRV-011": .insert(after: "HI*ABK:J069", ["NM1*77*1*FACILITY", "N3*5 PINE ST", "N4*SPRINGFIELD*IL*62701"]),
        "COB-001": .insert(after: "HI*ABK:J069", ["SBR*Z*01*GRP9******CI"] + EditHarness.otherPayer.dropFirst()),
        "COB-002": .insert(after: "HI*ABK:J069", ["SBR*S*99*GRP9******CI"] + EditHarness.otherPayer.dropFirst()),
        "COB-003": .insert(after: "HI*ABK:J069", ["SBR*S*01*GRP9******ZX"] + EditHarness.otherPayer.dropFirst()),
        "SVC-001": .set("SV1*HC:99213", 1, "ZZ:99213"),
        "SVC-008": .set("SV1*HC:99213", 3, "MN"),
        "SVC-012": .set("SV1*HC:99213", 7, "13"),
        "SVC-016": .set("SV1*HC:99213", 9, "N"),
        "SVC-017": .set("DTP*472", 2, "DT"),
    ]
}
