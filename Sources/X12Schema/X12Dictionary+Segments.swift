import X12

/// One element position of an X12 segment as the standard defines it (before any guide).
public struct StandardElement: Sendable {
    /// Data element number, or composite id (`C023`).
    public let reference: String
    /// X12 requirement designator `M`.
    public let isMandatory: Bool
    /// Nil for a composite.
    public let element: DataElement?
    public let components: [StandardElement]
    public let repeatCount: Int
}

/// An X12 segment as the standard defines it: its elements and syntax notes.
public struct SegmentDefinition: Sendable {
    public let elements: [StandardElement]
    public let syntaxNotes: [SyntaxNote]
}

extension X12Dictionary {
    /// Segment definitions by tag, for every segment the 837P uses.
    ///
    /// Notation: one token per position, `M`/`O` then the element number; a composite is
    /// `MC023(M1331,O1332,O1325)`; `xN` after a token repeats it `N` times in a row.
    public static let segments: [SegmentID: SegmentDefinition] = {
        var table: [SegmentID: SegmentDefinition] = [:]
        for (tag, layout, notes) in segmentTable {
            table[SegmentID(bytes: Array(tag.utf8))] = SegmentDefinition(
                elements: parseLayout(layout), syntaxNotes: notes.split(separator: " ").map { SyntaxNote(String($0)) })
        }
        return table
    }()

    static let unitOfMeasure = "OC001(M355,O1018,O649,O355,O1018,O649,O355,O1018,O649,O355,O1018,O649,O355,O1018,O649)"
    static let procedure = "C003(M235,M234,O1339,O1339,O1339,O1339,O352,O234)"
    static let diagnosis = "C022(M1270,M1271,O1250,O1251,O782,O380,O799,O1271,O1073)"

    private static let segmentTable: [(String, String, String)] = [
        ("ST", "M143 M329 O1705", ""),
        ("SE", "M96 M329", ""),
        ("BHT", "M1005 M353 O127 O373 O337 O640", ""),
        ("HL", "M628 O734 M735 O736", ""),
        ("NM1", "M98 M1065 O1035 O1036 O1037 O1038 O1039 O66 O67 O706 O98 O1035", "P0809 C1110 C1203"),
        ("PER", "M366 O93 O365 O364 O365 O364 O365 O364 O443", "P0304 P0506 P0708"),
        ("PRV", "M1221 O128 O127 O156 OC035(M1222,O559,O1073) O1223", "P0203"),
        ("CUR", "M98 M100 O280 O98 O100 O669 O374 O373 O337 O374 O373 O337 O374 O373 O337 O374 O373 O337 O374 O373 O337",
         "C0807 C0907 L101112 C1110 C1210 L131415 C1413 C1513 L161718 C1716 C1816 L192021 C2019 C2119"),
        ("N3", "M166 O166", ""),
        ("N4", "O19 O156 O116 O26 O309 O310 O1715", "E0207 C0605 C0704"),
        ("REF", "M128 O127 O352 OC040(M128,M127,O128,O127,O128,O127)", "R0203"),
        ("SBR", "M1138 O1069 O127 O93 O1336 O1143 O1073 O584 O1032", ""),
        ("PAT", "O1069 O1384 O584 O1220 O1250 O1251 O355 O81 O1073", "P0506 P0708"),
        ("DMG", "O1250 O1251 O1068 O1067 OC056(O1109,O1270,O1271) O1066 O26 O659 O380 O1270 O1271", "P0102 P1011 C1105"),
        ("CLM", "M1028 O782 O1032 O1343 OC023(M1331,O1332,O1325) O1073 O1359 O1073 O1363 O1351 OC024(M1362,O1362,O1362,O156,O26) O1366 O1073 O1338 O1073 O1360 O1029 O1073 O1383 O1514", ""),
        ("DTP", "M374 M1250 M1251", ""),
        ("PWK", "M755 O756 O757 O98 O66 O67 O352 OC002(M704,O704,O704,O704,O704) O1525", "P0506"),
        ("CN1", "M1166 O782 O332 O127 O338 O799", ""),
        ("AMT", "M522 M782 O478", ""),
        ("K3", "M449 O1333 \(unitOfMeasure)", ""),
        ("NTE", "O363 M352", ""),
        ("CR1", "O355 O81 O1316 O1317 O355 O380 O166 O166 O352 O352", "P0102 P0506"),
        ("CR2", "O609 O380 O1367 O1367 O355 O380 O380 O1342 O1073 O352 O352 O1073", "P0102 C0403 P0506"),
        ("CRC", "M1136 M1073 M1321 O1321 O1321 O1321 O1321", ""),
        ("HI", "M\(diagnosis) O\(diagnosis)x11", ""),
        ("HCP", "O1473 O782 O782 O127 O118 O127 O782 O234 O235 O234 O355 O380 O901 O1526 O1527", "R0113 P0910 P1112"),
        ("CAS", "M1033 M1034 M782 O380 O1034 O782 O380 O1034 O782 O380 O1034 O782 O380 O1034 O782 O380 O1034 O782 O380",
         "L050607 C0605 C0705 L080910 C0908 C1008 L111213 C1211 C1311 L141516 C1514 C1614 L171819 C1817 C1917"),
        ("OI", "O1032 O1383 O1073 O1351 O1360 O1363", ""),
        ("MOA", "O954 O782 O127 O127 O127 O127 O127 O782 O782", ""),
        ("LX", "M554", ""),
        ("SV1", "M\(procedure) O782 O355 O380 O1331 O1365 OC004(M1328,O1328,O1328,O1328) O782 O1073 O1340 O1073 O1073 O1364 O1341 O1327 O1334 O127 O116 O782 O1337 O1360", "P0304"),
        ("SV5", "M\(procedure) M355 M380 O782 O782 O594 O923", "R0405 C0604"),
        ("CR3", "O1322 O355 O380 O1335 O352", "P0203"),
        ("QTY", "M673 O380 \(unitOfMeasure) O61", "E0204 R0204"),
        ("MEA", "O737 O738 O739 \(unitOfMeasure) O740 O741 O935 O936 O752 O1373 O1270 O1271",
         "R03050608 E0412 L050412 L060412 L07030506 E0803 P1112"),
        ("PS1", "M127 M782 O156", ""),
        ("LIN", "O350 M235 M234" + String(repeating: " O235 O234", count: 14), "P0405 P0607 P0809 P1011 P1213 P1415 P1617 P1819 P2021 P2223 P2425 P2627 P2829 P3031"),
        ("CTP", "O687 O236 O212 O380 \(unitOfMeasure) O648 O649 O782 O639 O499 O289", "P0405 C0607 C0902 C1002 C1103"),
        ("SVD", "M67 M782 O\(procedure) O234 O380 O554", ""),
        ("LQ", "O1270 O1271", "C0102"),
        ("FRM", "M350 O1073 O127 O373 O332", "R02030405"),
    ]

    static func parseLayout(_ layout: String) -> [StandardElement] {
        var result: [StandardElement] = []
        for token in layout.split(separator: " ") {
            var text = Substring(token)
            var times = 1
            if let x = text.lastIndex(of: "x"), !text.contains("(") || x > text.lastIndex(of: ")")! {
                times = Int(text[text.index(after: x)...])!
                text = text[..<x]
            }
            let element = parseToken(text)
            result += Array(repeating: element, count: times)
        }
        return result
    }

    static func parseToken(_ token: Substring) -> StandardElement {
        let mandatory = token.first == "M"
        let body = token.dropFirst()
        guard let open = body.firstIndex(of: "(") else {
            let reference = String(body)
            guard let element = elements[reference] else { preconditionFailure("no data element \(reference)") }
            return StandardElement(reference: reference, isMandatory: mandatory, element: element, components: [], repeatCount: 1)
        }
        let components = body[body.index(after: open)..<body.index(before: body.endIndex)]
            .split(separator: ",").map { parseToken($0) }
        return StandardElement(
            reference: String(body[..<open]), isMandatory: mandatory, element: nil, components: components, repeatCount: 1)
    }
}
