import X12
import X12Schema

/// Checks the elements of one segment against its guide rules (SNIP 1–2, the 999's IK4): presence
/// per usage, type, length, the guide's code lists, composites, repetitions and X12 syntax notes.
///
/// Elements are found from the separators the segment recorded when it was cut; the rules are
/// read from the schema's flattened `ElementPlan`; a composite's components are checked as they
/// are found.
struct ElementChecker {
    /// Element errors of `segment` placed at `schema`, in position order.
    func check(_ segment: Segment, schema: SegmentSchema) -> [ElementFinding] {
        let plan = schema.plan
        guard !plan.checks.isEmpty else { return [] }
        let bytes = segment.file
        let delimiters = segment.delimiters
        let elementCount = segment.elementCount
        // Past the last element sent, only a required position can be wrong (it is missing).
        let reach = max(elementCount, plan.lastRequiredPosition)
        var findings: [ElementFinding] = []
        plan.checks.withUnsafeBufferPointer { checks in
            var index = 0
            while index < checks.count, Int(checks[index].position) <= reach {
                let check = checks[index]
                let range = segment.elementRange(Int(check.position))
                if check.kind == .composite {
                    let parts = UnsafeBufferPointer(rebasing: checks[index + 1..<index + 1 + Int(check.componentCount)])
                    Self.checkComposite(check, parts, range, bytes, delimiters, into: &findings)
                    index += 1 + parts.count
                } else {
                    if let problem = Self.problem(check, range, bytes, delimiters) {
                        findings.append(Self.finding(problem, check, bytes[range]))
                    }
                    index += 1
                }
            }
        }
        if elementCount > plan.positionCount,
            let extra = (plan.positionCount + 1...elementCount).first(where: { !segment.elementRange($0).isEmpty })
        {
            findings.append(ElementFinding(position: extra, code: "3", editID: "ELE-003"))
        }
        if plan.notedPositions != 0 { checkSyntaxNotes(segment, schema, into: &findings) }
        if let dated = FormattedDate(schema.id) { checkFormattedDate(dated, segment, schema, bytes, into: &findings) }
        if findings.count > 1 { findings.sort { ($0.position, $0.component ?? 0) < ($1.position, $1.component ?? 0) } }
        return findings
    }

    /// Checks a composite's components as they are found, one pass over its bytes: the plan holds
    /// a check for each component the composite defines, in order (`ElementPlan`), so the n-th
    /// component found is `parts[n - 1]`'s. One past them is an error of the whole composite,
    /// reported instead of its components' own.
    private static func checkComposite(
        _ check: ValueCheck, _ parts: UnsafeBufferPointer<ValueCheck>, _ range: Range<Int>, _ bytes: X12Source.Bytes,
        _ delimiters: Delimiters, into findings: inout [ElementFinding]
    ) {
        if range.isEmpty {
            if check.usage == .required { findings.append(Self.finding(.missing, check, bytes[range])) }
            return
        }
        if check.usage == .notUsed {
            findings.append(Self.finding(.notUsed, check, bytes[range]))
            return
        }
        if check.isSingle, delimiters.repetition != 0, bytes[range].contains(delimiters.repetition) {
            findings.append(Self.finding(.repeated, check, bytes[range]))
            return
        }
        let before = findings.count
        var component = 0
        var start = range.lowerBound
        while start <= range.upperBound {
            var end = start
            while end < range.upperBound, bytes[end] != delimiters.component { end += 1 }
            guard component < parts.count else {
                findings.removeSubrange(before...)
                findings.append(Self.finding(.tooManyComponents, check, bytes[range]))
                return
            }
            if let problem = Self.problem(parts[component], start..<end, bytes, delimiters) {
                findings.append(Self.finding(problem, parts[component], bytes[start..<end]))
            }
            component += 1
            start = end + 1
        }
        let absent = range.upperBound..<range.upperBound
        for part in parts[component...] {
            if let problem = Self.problem(part, absent, bytes, delimiters) {
                findings.append(Self.finding(problem, part, bytes[absent]))
            }
        }
    }

    /// What is wrong with one value, if anything, found without building a finding: nearly every
    /// value is right, and the finding's strings, built in the same function, made every call set
    /// up their context.
    @inline(__always) private static func problem(
        _ check: ValueCheck, _ range: Range<Int>, _ bytes: X12Source.Bytes, _ delimiters: Delimiters
    ) -> ValueProblem? {
        if range.isEmpty { return check.usage == .required ? .missing : nil }
        if check.usage == .notUsed { return .notUsed }
        let value = bytes[range]
        if check.codesAreValidValues, check.rule._withUnsafeGuaranteedRef({ $0.codes!.contains(value) }) { return nil }
        // A component cannot hold a repetition of its own: only a simple element is tested.
        let repetition = check.component == 0 && check.isSingle ? delimiters.repetition : 0
        func lengthProblem(_ length: Int) -> ValueProblem? {
            if length < Int(check.minLength) { return .tooShort }
            if length > Int(check.maxLength) { return .tooLong }
            return nil
        }
        // A repetition separator fails every type's own check (it is neither a digit nor, for
        // text, allowed), so the value is searched for one only once it has failed: a search
        // ahead of the check cost every valid number and date a second pass (about 1,300
        // instructions a claim).
        func repeatedOr(_ problem: ValueProblem) -> ValueProblem {
            repetition != 0 && value.contains(repetition) ? .repeated : problem
        }
        switch check.kind {
        case .composite:
            return nil
        case .text:
            guard ValueSyntax.isText(value, excluding: repetition) else { return repeatedOr(.invalidCharacter) }
            if let problem = lengthProblem(value.count) { return problem }
        case .numeric, .decimal:
            guard let digits = ValueSyntax.digitCount(value, allowsPoint: check.kind == .decimal, excluding: repetition) else {
                return repeatedOr(.invalidCharacter)
            }
            if let problem = lengthProblem(digits) { return problem }
        case .date:
            guard ValueSyntax.isDate(value) else { return repeatedOr(.invalidDate) }
        case .time:
            guard ValueSyntax.isTime(value) else { return repeatedOr(.invalidTime) }
        }
        if check.hasCodes, !check.rule._withUnsafeGuaranteedRef({ $0.codes!.contains(value) }) { return .notInCodeList }
        if check.isNineDigits, !(value.count == 9 && value.allSatisfy(ValueSyntax.isDigit)) { return .invalidFormat }
        return nil
    }

    /// The finding for `problem`, with its IK403 code and the edit that reports it: the rule's own
    /// edit where the catalog has one for its presence or codes, else the generic one.
    @inline(never)
    private static func finding(_ problem: ValueProblem, _ check: ValueCheck, _ value: X12Source.ByteSlice) -> ElementFinding {
        let rule = check.rule.takeUnretainedValue()
        // A composite has no data element of its own: the 999 names its first component's.
        let reference = (rule.element ?? rule.components.first?.element)?.reference
        let (code, generic, specific): (String, String, Bool)
        switch problem {
        case .missing: (code, generic, specific) = ("1", rule.isMandatory ? "ELE-001" : "IG-011", true)
        case .notUsed: (code, generic, specific) = ("I10", "IG-002", true)
        case .repeated: (code, generic, specific) = ("12", "ELE-012", false)
        case .tooManyComponents: (code, generic, specific) = ("13", "ELE-011", false)
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
            position: Int(check.position), component: check.component == 0 ? nil : Int(check.component), reference: reference,
            code: code, editID: specific ? (rule.editID ?? generic) : generic)
    }

    private enum ValueProblem {
        case missing, notUsed, repeated, tooManyComponents, invalidCharacter, tooShort, tooLong, invalidDate, invalidTime
        case notInCodeList, invalidFormat
    }

    /// The X12 syntax notes, decided on the bits of the positions sent; the positions are walked
    /// only to report. A position that already has a finding gets no second one.
    @inline(never)
    private func checkSyntaxNotes(_ segment: Segment, _ schema: SegmentSchema, into findings: inout [ElementFinding]) {
        var sent: UInt64 = 0
        var noted = schema.plan.notedPositions
        while noted != 0 {
            let position = noted.trailingZeroBitCount
            if !segment.elementRange(position).isEmpty { sent |= 1 << UInt64(position) }
            noted &= noted - 1
        }
        let notes = schema.syntaxNotes
        for index in notes.indices where !notes[index].isKept(by: sent) {
            let note = notes[index]
            let excludes = note.kind == .exclusion
            for position in note.faultPositions(sent: sent) {
                guard !findings.contains(where: { $0.position == position }) else { continue }
                let rules = schema.elements
                let rule = position <= rules.count ? rules[position - 1] : nil
                findings.append(
                    ElementFinding(
                        position: position, reference: (rule?.element ?? rule?.components.first?.element)?.reference,
                        code: excludes ? "10" : "2", editID: excludes ? "ELE-010" : "ELE-002"))
            }
        }
    }

    /// DTP03 and DMG02 hold dates whose format the element before names (`D8`, `RD8`).
    private struct FormattedDate {
        let qualifierPosition: Int
        let datePosition: Int
        let editID: String

        @inline(__always) init?(_ id: SegmentID) {
            switch id {
            case "DTP": (qualifierPosition, datePosition, editID) = (2, 3, "ELE-013")
            case "DMG": (qualifierPosition, datePosition, editID) = (1, 2, "ELE-008")
            default: return nil
            }
        }
    }

    /// Out of line, like `checkSyntaxNotes`: inlined, they made `check` too large for `problem`
    /// to be inlined into it.
    @inline(never)
    private func checkFormattedDate(
        _ dated: FormattedDate, _ segment: Segment, _ schema: SegmentSchema, _ bytes: X12Source.Bytes,
        into findings: inout [ElementFinding]
    ) {
        let datePosition = dated.datePosition
        guard segment.elementCount >= datePosition, !findings.contains(where: { $0.position <= datePosition }) else { return }
        let format = segment[dated.qualifierPosition]
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
                ElementFinding(
                    position: datePosition, reference: schema.elements[datePosition - 1].element?.reference, code: "8",
                    editID: dated.editID))
        }
    }
}
