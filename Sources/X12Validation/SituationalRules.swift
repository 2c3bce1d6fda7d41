import X12
import X12Schema

/// The guide's situational rules that span segments but stay inside one transaction set: HL
/// numbering and parent/child codes, LX numbering, the patient level versus SBR02, segments a
/// claim's own values make required, and name/address elements required or excluded by others.
struct SituationalRules {
    private var nextHL = 1
    /// HL01 of the open billing provider and subscriber levels, as the bytes sent (in the file,
    /// which outlives the walk); nil before the first.
    private var billingProviderHL: X12Source.ByteSlice?
    private var subscriberHL: X12Source.ByteSlice?
    /// The 2000B HL awaiting its child code check: position, HL04, whether a 2000C followed.
    private var subscriberLevel: (position: Int, childCode: UInt8?, hasPatient: Bool)?
    private var patientIsSubscriber = false
    private var subscriberName: (position: Int, address: Bool, demographics: Bool)?
    private var claim: ClaimState?
    private var lastPosition = 0

    /// What the open 2300 has shown so far.
    struct ClaimState {
        var position: Int
        var frequency: UInt8?
        var hasPayerClaimNumber = false
        var accident = false
        var hasAccidentDate = false
        var nextLine = 1
    }

    mutating func enter(_ loop: LoopSchema, position: Int, into findings: inout [SegmentFinding]) {
        switch loop.key {
        case "2000B":
            patientIsSubscriber = false
        case "2000C":
            subscriberLevel?.hasPatient = true
            if patientIsSubscriber {
                findings.append(
                    segment("HL-007", "HL", position, "2000C", "I9", "patient level 2000C is sent although SBR02 says the patient is the subscriber"))
            }
        case "2010BA":
            subscriberName = (position, false, false)
        case "2300":
            claim = ClaimState(position: position)
            if subscriberLevel != nil, !patientIsSubscriber, !(subscriberLevel?.hasPatient ?? false) {
                findings.append(
                    segment("HL-006", "HL", position, "2000C", "I6", "claim sits under the subscriber level but SBR02 does not say the patient is the subscriber (2000C missing)"))
            }
        default:
            break
        }
    }

    mutating func exit(_ loop: LoopSchema, into findings: inout [SegmentFinding]) {
        switch loop.key {
        case "2000B":
            if let level = subscriberLevel {
                let expected: UInt8 = level.hasPatient ? UInt8(ascii: "1") : UInt8(ascii: "0")
                if let code = level.childCode, code != expected {
                    findings.append(element("HL-004", "HL", level.position, "2000B", 4, "736", "I6"))
                }
            }
            subscriberLevel = nil
        case "2010BA":
            if let name = subscriberName, patientIsSubscriber {
                if !name.address {
                    findings.append(segment("IG-016", "N3", name.position, "2010BA", "I6", "subscriber address (N3/N4) is required when the patient is the subscriber"))
                }
                if !name.demographics {
                    findings.append(segment("IG-015", "DMG", name.position, "2010BA", "I6", "subscriber DMG is required when the patient is the subscriber"))
                }
            }
            subscriberName = nil
        case "2300":
            if let state = claim {
                if let frequency = state.frequency, frequency == UInt8(ascii: "7") || frequency == UInt8(ascii: "8"),
                    !state.hasPayerClaimNumber
                {
                    findings.append(segment("IG-012", "REF", state.position, "2300", "I6", "REF*F8 (payer claim control number) is required when CLM05-3 is 7 or 8"))
                }
                if state.accident, !state.hasAccidentDate {
                    findings.append(segment("IG-017", "DTP", state.position, "2300", "I6", "DTP*439 (accident date) is required when CLM11 names an auto or other accident"))
                }
            }
            claim = nil
        default:
            break
        }
    }

    mutating func visit(
        _ segment: Segment, schema: SegmentSchema, loop: LoopSchema, position: Int, elements: inout [ElementFinding],
        into findings: inout [SegmentFinding]
    ) {
        lastPosition = position
        switch segment.id {
        case "HL": hierarchy(segment, loop: loop, position: position, elements: &elements)
        case "SBR" where loop.key == "2000B": patientIsSubscriber = segment[2].equals("18")
        case "NM1": name(segment, schema: schema, elements: &elements)
        case "N4": address(segment, schema: schema, elements: &elements)
        case "N3" where loop.key == "2010BA": subscriberName?.address = true
        case "DMG" where loop.key == "2010BA": subscriberName?.demographics = true
        case "CLM": claimValues(segment, elements: &elements)
        case "REF" where segment[1].equals("F8") && loop.key == "2300": claim?.hasPayerClaimNumber = true
        case "DTP" where segment[1].equals("439") && loop.key == "2300": claim?.hasAccidentDate = true
        case "LX": lineNumber(segment, elements: &elements)
        case "PWK": attachment(segment, elements: &elements)
        default: break
        }
    }

    // MARK: Rules per segment

    private mutating func hierarchy(_ segment: Segment, loop: LoopSchema, position: Int, elements: inout [ElementFinding]) {
        let id = segment[1].bytes
        // Read as a number (no leading zero, as `String(nextHL)` would spell it), not compared
        // with a formatted string: this runs for each HL of every claim.
        if Self.number(id) != nextHL { add(&elements, 1, "628", "I12", "HL-001") }
        nextHL += 1
        let parent = segment[2].bytes
        func isParent(_ level: X12Source.ByteSlice?) -> Bool { level.map(parent.elementsEqual) ?? parent.isEmpty }
        switch loop.key {
        case "2000A":
            billingProviderHL = id
        case "2000B":
            if !isParent(billingProviderHL) { add(&elements, 2, "734", "I12", "HL-002") }
            subscriberHL = id
            subscriberLevel = (position, segment[4].bytes.first, false)
        case "2000C":
            if !isParent(subscriberHL) { add(&elements, 2, "734", "I12", "HL-002") }
        default:
            break
        }
    }

    /// NM104 (first name) is required for a person and excluded for an organisation, where the
    /// guide lets the loop send it.
    private func name(_ segment: Segment, schema: SegmentSchema, elements: inout [ElementFinding]) {
        guard schema.elements.count >= 5, schema.elements[3].usage == .situational else { return }
        if segment[2].equals("1"), segment[4].isEmpty {
            add(&elements, 4, "1036", "I9", "IG-019")
        } else if segment[2].equals("2") {
            if !segment[4].isEmpty { add(&elements, 4, "1036", "I13", "IG-020") }
            if !segment[5].isEmpty { add(&elements, 5, "1037", "I13", "IG-020") }
            if !segment[7].isEmpty { add(&elements, 7, "1039", "I13", "IG-020") }
        }
    }

    /// A US address (no country code) needs its state and ZIP code.
    private func address(_ segment: Segment, schema: SegmentSchema, elements: inout [ElementFinding]) {
        guard segment[4].isEmpty || segment[4].equals("US") else { return }
        if segment[2].isEmpty { add(&elements, 2, "156", "I9", "IG-021") }
        if segment[3].isEmpty { add(&elements, 3, "116", "I9", "IG-022") }
    }

    private mutating func claimValues(_ segment: Segment, elements: inout [ElementFinding]) {
        claim?.frequency = segment[5].component(3).bytes.first
        let related = segment[11]
        let first = related.component(1), second = related.component(2)
        let auto = first.equals("AA") || second.equals("AA")
        claim?.accident = auto || first.equals("OA") || second.equals("OA")
        if auto, related.component(4).isEmpty {
            add(&elements, 11, "156", "I9", "IG-018", component: 4)
        }
    }

    private mutating func lineNumber(_ segment: Segment, elements: inout [ElementFinding]) {
        guard let nextLine = claim?.nextLine else { return }
        if Self.number(segment[1].bytes) != nextLine { add(&elements, 1, "554", "I12", "HL-009") }
        claim?.nextLine = nextLine + 1
    }

    /// An attachment sent by mail, e-mail, fax or file transfer needs its control number.
    private func attachment(_ segment: Segment, elements: inout [ElementFinding]) {
        let transmission = segment[2]
        let needsControl = ["BM", "EL", "EM", "FX", "FT"].contains { transmission.string == $0 }
        if needsControl, segment[5].isEmpty, segment[6].isEmpty { add(&elements, 5, "66", "I9", "IG-023") }
    }

    // MARK: Helpers

    /// The value of an unsigned decimal number without leading zeros, or nil.
    static func number(_ bytes: X12Source.ByteSlice) -> Int? {
        guard !bytes.isEmpty, bytes.count < 10, bytes.first != UInt8(ascii: "0") else { return nil }
        var result = 0
        for byte in bytes {
            guard ValueSyntax.isDigit(byte) else { return nil }
            result = result * 10 + Int(byte - 0x30)
        }
        return result
    }

    private func add(_ elements: inout [ElementFinding], _ position: Int, _ reference: String, _ code: String, _ editID: String, component: Int? = nil) {
        guard !elements.contains(where: { $0.position == position && $0.component == component }) else { return }
        elements.append(ElementFinding(position: position, component: component, reference: reference, code: code, editID: editID))
    }

    private func segment(_ editID: String, _ id: SegmentID, _ position: Int, _ loopID: String, _ code: String, _ message: String)
        -> SegmentFinding
    {
        SegmentFinding(editID: editID, segmentID: id, position: position, loopID: loopID, segmentCode: code, message: message)
    }

    private func element(_ editID: String, _ id: SegmentID, _ position: Int, _ loopID: String, _ elementPosition: Int, _ reference: String, _ code: String)
        -> SegmentFinding
    {
        SegmentFinding(
            editID: "SEG-008", segmentID: id, position: position, loopID: loopID, segmentCode: "8",
            elements: [ElementFinding(position: elementPosition, reference: reference, code: code, editID: editID)],
            message: "\(id) has data element errors")
    }
}
