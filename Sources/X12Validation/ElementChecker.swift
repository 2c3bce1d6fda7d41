import X12
import X12Schema

/// Checks the elements of one segment against its guide rules (SNIP 1–2, the 999's IK4): presence
/// per usage, type, length, the guide's code lists, composites, repetitions and X12 syntax notes.
///
/// Elements are found from the separators the segment recorded when it was cut; composites are
/// split into a reused buffer of component ranges.
struct ElementChecker {
    private var components: [Range<Int>] = []

    init() {
        components.reserveCapacity(16)
    }

    /// Element errors of `segment` placed at `schema`, in position order.
    mutating func check(_ segment: Segment, schema: SegmentSchema) -> [ElementFinding] {
        let rules = schema.elements
        guard !rules.isEmpty else { return [] }
        let bytes = segment.file
        let delimiters = segment.delimiters
        let elementCount = segment.elementCount
        var findings: [ElementFinding] = []
        for lent in schema.lentElements {
            lent._withUnsafeGuaranteedRef { rule in
                // A position past the last element sent is empty: only a required one has a finding.
                guard rule.position <= elementCount || rule.usage == .required else { return }
                let range = segment.elementRange(rule.position)
                if rule.isComposite {
                    checkComposite(rule, range, bytes, delimiters, into: &findings)
                } else if let finding = Self.checkValue(rule, range, bytes, delimiters, position: rule.position, component: nil) {
                    findings.append(finding)
                }
            }
        }
        if elementCount > rules.count,
            let extra = (rules.count + 1...elementCount).first(where: { !segment.elementRange($0).isEmpty })
        {
            findings.append(ElementFinding(position: extra, code: "3", editID: "ELE-003"))
        }
        checkSyntaxNotes(segment, schema, rules, into: &findings)
        checkFormattedDate(segment, schema, bytes, into: &findings)
        if findings.count > 1 { findings.sort { ($0.position, $0.component ?? 0) < ($1.position, $1.component ?? 0) } }
        return findings
    }

    private mutating func checkComposite(
        _ rule: ElementRule, _ range: Range<Int>, _ bytes: X12Source.Bytes, _ delimiters: Delimiters, into findings: inout [ElementFinding]
    ) {
        // Looked up only for a finding: reading it for every composite cost a retain and a release.
        var reference: String? { rule.components.first?.element?.reference }
        if range.isEmpty {
            if rule.usage == .required {
                findings.append(
                    ElementFinding(
                        position: rule.position, reference: reference, code: "1",
                        editID: rule.editID ?? (rule.isMandatory ? "ELE-001" : "IG-011")))
            }
            return
        }
        if rule.usage == .notUsed {
            findings.append(ElementFinding(position: rule.position, reference: reference, code: "I10", editID: rule.editID ?? "IG-002"))
            return
        }
        if rule.repeatCount == 1, delimiters.repetition != 0, bytes[range].contains(delimiters.repetition) {
            findings.append(ElementFinding(position: rule.position, reference: reference, code: "12", editID: "ELE-012"))
            return
        }
        Self.split(range, on: delimiters.component, in: bytes, into: &components)
        if components.count > rule.components.count {
            findings.append(ElementFinding(position: rule.position, reference: reference, code: "13", editID: "ELE-011"))
            return
        }
        for lent in rule.lentComponents {
            lent._withUnsafeGuaranteedRef { component in
                let part = component.position <= components.count ? components[component.position - 1] : range.upperBound..<range.upperBound
                if let finding = Self.checkValue(component, part, bytes, delimiters, position: rule.position, component: component.position) {
                    findings.append(finding)
                }
            }
        }
    }

    /// The first problem with one simple element or component, if any.
    private static func checkValue(
        _ rule: ElementRule, _ range: Range<Int>, _ bytes: X12Source.Bytes, _ delimiters: Delimiters, position: Int, component: Int?
    ) -> ElementFinding? {
        guard let problem = problem(rule, range, bytes, delimiters, isComponent: component != nil) else { return nil }
        return finding(problem, rule, bytes[range], position: position, component: component)
    }

    /// What is wrong with one value, if anything, found without building a finding: nearly every
    /// value is right, and the finding's strings, built in the same function, made every call set
    /// up their context.
    private static func problem(
        _ rule: ElementRule, _ range: Range<Int>, _ bytes: X12Source.Bytes, _ delimiters: Delimiters, isComponent: Bool
    ) -> ValueProblem? {
        if range.isEmpty { return rule.usage == .required ? .missing : nil }
        if rule.usage == .notUsed { return .notUsed }
        // The element's fields are read through `rule` one at a time: bound to a local, the
        // definition was copied, its reference string retained and released, for every element.
        guard !rule.isComposite else { return nil }
        let value = bytes[range]
        if !isComponent, rule.repeatCount == 1, delimiters.repetition != 0, value.contains(delimiters.repetition) {
            return .repeated
        }
        func lengthProblem(_ length: Int) -> ValueProblem? {
            if length < rule.element!.minLength { return .tooShort }
            if length > rule.element!.maxLength { return .tooLong }
            return nil
        }
        switch rule.element!.type {
        case .string, .identifier:
            guard ValueSyntax.isText(value) else { return .invalidCharacter }
            if let problem = lengthProblem(value.count) { return problem }
        case .numeric, .decimal:
            guard let digits = ValueSyntax.digitCount(value, allowsPoint: rule.element!.type == .decimal) else {
                return .invalidCharacter
            }
            if let problem = lengthProblem(digits) { return problem }
        case .date:
            guard ValueSyntax.isDate(value) else { return .invalidDate }
        case .time:
            guard ValueSyntax.isTime(value) else { return .invalidTime }
        }
        if rule.codes?.contains(value) == false { return .notInCodeList }
        if rule.pattern == .nineDigits, !(value.count == 9 && value.allSatisfy(ValueSyntax.isDigit)) { return .invalidFormat }
        return nil
    }

    /// The finding for `problem`, with its IK403 code and the edit that reports it: the rule's own
    /// edit where the catalog has one for its presence or codes, else the generic one.
    @inline(never)
    private static func finding(
        _ problem: ValueProblem, _ rule: ElementRule, _ value: X12Source.ByteSlice, position: Int, component: Int?
    ) -> ElementFinding {
        let (code, generic, specific): (String, String, Bool)
        switch problem {
        case .missing: (code, generic, specific) = ("1", rule.isMandatory ? "ELE-001" : "IG-011", true)
        case .notUsed: (code, generic, specific) = ("I10", "IG-002", true)
        case .repeated: (code, generic, specific) = ("12", "ELE-012", false)
        case .invalidCharacter: (code, generic, specific) = ("6", "ELE-006", false)
        case .tooShort: (code, generic, specific) = ("4", "ELE-004", false)
        case .tooLong: (code, generic, specific) = ("5", "ELE-005", false)
        case .invalidDate: (code, generic, specific) = ("8", "ELE-008", false)
        case .invalidTime: (code, generic, specific) = ("9", "ELE-009", false)
        case .notInCodeList:
            let standard = ValueSyntax.isStandardCode(value, reference: rule.element!.reference)
            (code, generic, specific) = standard ? ("I6", "IG-003", true) : ("7", "ELE-007", true)
        case .invalidFormat: (code, generic, specific) = ("I12", "IG-010", true)
        }
        return ElementFinding(
            position: position, component: component, reference: rule.element?.reference, code: code,
            editID: specific ? (rule.editID ?? generic) : generic)
    }

    private enum ValueProblem {
        case missing, notUsed, repeated, invalidCharacter, tooShort, tooLong, invalidDate, invalidTime, notInCodeList, invalidFormat
    }

    private func checkSyntaxNotes(
        _ segment: Segment, _ schema: SegmentSchema, _ rules: [ElementRule], into findings: inout [ElementFinding]
    ) {
        guard !schema.syntaxNotes.isEmpty else { return }
        func present(_ position: Int) -> Bool { !segment.elementRange(position).isEmpty }
        func report(_ position: Int, _ code: String, _ editID: String) {
            guard !findings.contains(where: { $0.position == position }) else { return }
            let reference = position <= rules.count ? (rules[position - 1].element ?? rules[position - 1].components.first?.element)?.reference : nil
            findings.append(ElementFinding(position: position, reference: reference, code: code, editID: editID))
        }
        for note in schema.syntaxNotes {
            let positions = note.positions
            switch note.kind {
            case .paired:
                if positions.contains(where: present) {
                    for position in positions where !present(position) { report(position, "2", "ELE-002") }
                }
            case .required:
                if !positions.contains(where: present) { report(positions[0], "2", "ELE-002") }
            case .conditional:
                if present(positions[0]) {
                    for position in positions.dropFirst() where !present(position) { report(position, "2", "ELE-002") }
                }
            case .listConditional:
                if present(positions[0]), !positions.dropFirst().contains(where: present) { report(positions[1], "2", "ELE-002") }
            case .exclusion:
                let sent = positions.filter(present)
                if sent.count > 1 { report(sent[1], "10", "ELE-010") }
            }
        }
    }

    /// DTP03 and DMG02 hold dates whose format the element before names (`D8`, `RD8`).
    private func checkFormattedDate(_ segment: Segment, _ schema: SegmentSchema, _ bytes: X12Source.Bytes, into findings: inout [ElementFinding]) {
        let (qualifierPosition, datePosition, editID): (Int, Int, String)
        switch schema.id {
        case "DTP": (qualifierPosition, datePosition, editID) = (2, 3, "ELE-013")
        case "DMG": (qualifierPosition, datePosition, editID) = (1, 2, "ELE-008")
        default: return
        }
        guard segment.elementCount >= datePosition, !findings.contains(where: { $0.position <= datePosition }) else { return }
        let format = segment[qualifierPosition]
        let value = bytes[segment.elementRange(datePosition)]
        let valid: Bool
        if format.equals("D8") {
            valid = ValueSyntax.isDate(value)
        } else if format.equals("RD8") {
            valid = value.count == 17 && value[value.startIndex + 8] == UInt8(ascii: "-")
                && ValueSyntax.isDate(value.prefix(8)) && ValueSyntax.isDate(value.suffix(8))
        } else {
            return
        }
        if !valid {
            findings.append(
                ElementFinding(position: datePosition, reference: schema.elements[datePosition - 1].element?.reference, code: "8", editID: editID))
        }
    }

    /// Splits `range` at `separator`.
    private static func split(_ range: Range<Int>, on separator: UInt8, in bytes: X12Source.Bytes, into parts: inout [Range<Int>]) {
        parts.removeAll(keepingCapacity: true)
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == separator {
                parts.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        parts.append(start..<range.upperBound)
    }
}
