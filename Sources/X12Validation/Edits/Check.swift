import ClaimsCore

/// A catalog edit whose check is a function of the claim and its context: the form almost every
/// business edit takes, so that the catalog reads as a table.
///
/// A class: the validator keeps the catalog's checks and calls each for every claim; a struct this
/// size lived in a separate box that every call copied out.
final class Check: ClaimRule {
    let edit: Edit
    let body: @Sendable (Claim, ClaimContext) -> RuleViolations
    /// Whether a partner's rules switch the edit on, for the SNIP 7 edits a partner configures
    /// (nil: always on). The validator leaves the others out of its plan: a partner switches on a
    /// few of them, and asking each of the rest on every claim cost about 1,000 instructions a
    /// claim for nothing. The body still checks its own switch, for a rule asked alone.
    let isSwitchedOn: (@Sendable (PartnerRules) -> Bool)?
    /// The group whose judgement this edit is one bit of (`slot`), if any.
    let group: CheckGroup?
    let slot: Int

    init(
        _ edit: Edit, when isSwitchedOn: (@Sendable (PartnerRules) -> Bool)? = nil,
        _ body: @escaping @Sendable (Claim, ClaimContext) -> RuleViolations
    ) {
        self.edit = edit
        self.body = body
        self.isSwitchedOn = isSwitchedOn
        group = nil
        slot = 0
    }

    /// Member `slot` of `group`, answering alone through `body`.
    fileprivate init(_ edit: Edit, of group: CheckGroup, slot: Int, _ body: @escaping @Sendable (Claim, ClaimContext) -> RuleViolations) {
        self.edit = edit
        self.body = body
        isSwitchedOn = nil
        self.group = group
        self.slot = slot
    }

    func check(_ claim: Claim, in context: ClaimContext) -> RuleViolations { body(claim, context) }
}

/// Edits judged in one call because they share their costly part: an address is lent and its
/// state looked up once for all its edits, a diagnosis code looked up once for its three. Run one
/// by one, each edit repeated that work (more than a third of the business edits' instructions
/// went to the address and diagnosis edits).
///
/// `ClaimValidator` asks `fired` once for the group's consecutive active members, and only the
/// members whose bit is set for their findings. Each member is still a rule of the catalog that
/// answers alone (tests, the duplicate pass): it judges the whole group and keeps its own bit.
final class CheckGroup: Sendable {
    /// The members that fire anywhere on a claim: bit `i` for the group's `i`-th edit.
    let fired: @Sendable (Claim, ClaimContext) -> UInt64

    private init(_ fired: @escaping @Sendable (Claim, ClaimContext) -> UInt64) { self.fired = fired }

    /// Claim-level edits: `judge` gives the members that fire on the claim. With `detailsOnly`
    /// (every verdict of `judge` reads the claim's details), a claim whose details were never
    /// written is not judged: it fires none.
    static func rules(
        _ edits: [Edit], detailsOnly: Bool = false, judge: @escaping @Sendable (Claim, ClaimContext) -> UInt64
    ) -> [any ClaimRule] {
        precondition(edits.count <= UInt64.bitWidth, "a group judges at most 64 edits")
        let fired: @Sendable (Claim, ClaimContext) -> UInt64
        if detailsOnly { fired = { claim, context in claim.detailsWritten ? judge(claim, context) : 0 } } else { fired = judge }
        let group = CheckGroup(fired)
        return edits.indices.map { slot in
            Check(edits[slot], of: group, slot: slot) { claim, context in fires(judge(claim, context) >> slot & 1 != 0) }
        }
    }

    /// Line-level edits: `judge` gives the members that fire on one line of the claim, and a
    /// member reports the lines its bit is set on. With `detailsOnly` (every verdict of `judge`
    /// reads the line's details), a line whose details were never written is not judged: it
    /// fires none, and most lines send nothing but LX, SV1 and DTP.
    static func lineRules(
        _ edits: [Edit], detailsOnly: Bool = false, judge: @escaping @Sendable (LentLine, Claim, ClaimContext) -> UInt64
    ) -> [any ClaimRule] {
        precondition(edits.count <= UInt64.bitWidth, "a group judges at most 64 edits")
        let group = CheckGroup { claim, context in
            // Lines still holding the empty details box are passed over. Its identity is read
            // once: read for each line, the call for it had the line's box retained and
            // released around it (two atomic operations a line).
            let emptyDetails = detailsOnly ? ObjectIdentifier(LineDetails.emptyBox) : nil
            return claim.serviceLines.withUnsafeBufferPointer { lines in
                lines.indices.reduce(0) { fired, index in
                    let line = lines.baseAddress! + index
                    guard line.pointee.$details != emptyDetails else { return fired }
                    return fired | judge(LentLine(line), claim, context)
                }
            }
        }
        return edits.indices.map { slot in
            Check(edits[slot], of: group, slot: slot) { claim, context in
                linesWhere(claim) { judge($0, claim, context) >> slot & 1 != 0 }
            }
        }
    }
}

/// `bit` set when `condition` holds: one member's verdict in a group's judgement.
@inline(__always) func bit(_ slot: Int, _ condition: Bool) -> UInt64 { condition ? 1 << UInt64(slot) : 0 }

extension Edit {
    /// A 277CA edit; `status` is `category:status[:entity]` as it goes into STC01.
    static func business(
        _ id: String, snip: Int, _ location: String, _ description: String, fix: String, _ status: String,
        warn: Bool = false
    ) -> Edit {
        let parts = status.split(separator: ":").map(String.init)
        precondition(parts.count >= 2, "status is category:status[:entity]")
        return Edit(
            id: id, snip: snip, location: location, description: description, fixHint: fix,
            outcome: .claimStatus(category: parts[0], status: parts[1], entity: parts.count > 2 ? parts[2] : nil),
            defaultSeverity: warn ? .warning : .reject)
    }
}

/// The claim when `condition` holds: the common shape of a claim-level check.
@inline(__always) func fires(_ condition: Bool) -> RuleViolations { condition ? .claim(times: 1) : .none }

/// The lines for which `test` holds. The array is made only once a line fails.
@inline(__always) func linesWhere(_ claim: Claim, _ test: (LentLine) -> Bool) -> RuleViolations {
    claim.serviceLines.withUnsafeBufferPointer { lines in
        var failing: [Int]?
        for index in lines.indices where test(LentLine(lines.baseAddress! + index)) {
            failing = (failing ?? []) + [lines[index].lineNumber]
        }
        return failing.map(RuleViolations.lines) ?? .none
    }
}

/// A service line read in place in its claim's array, a field at a time.
///
/// Handing an edit the line itself copies it, with all its strings, whenever the edit calls a
/// function the compiler cannot see into (it cannot prove the array's storage unchanged across
/// the call); about a quarter of the business edits' instructions went to those copies. Reading
/// through the line's address copies only the fields an edit reads. Valid only during the call it
/// is lent to: an edit must not keep it.
@dynamicMemberLookup
struct LentLine {
    let address: UnsafePointer<ServiceLine>

    @inline(__always) init(_ address: UnsafePointer<ServiceLine>) { self.address = address }

    @inline(__always) subscript<Value>(dynamicMember member: KeyPath<ServiceLine, Value>) -> Value {
        _read { yield address.pointee[keyPath: member] }
    }
}

extension Claim {
    /// Whether any line satisfies `test`, the lines lent in place as in `linesWhere`.
    @inline(__always) func anyLine(_ test: (LentLine) -> Bool) -> Bool {
        serviceLines.withUnsafeBufferPointer { lines in
            lines.indices.contains { test(LentLine(lines.baseAddress! + $0)) }
        }
    }

    /// `anyLine` for a `test` that reads only the line's details, false on empty ones: lines still
    /// holding the shared empty details box are passed over, as in the details-only line groups.
    @inline(__always) func anyLineDetails(_ test: (LentLine) -> Bool) -> Bool {
        let emptyDetails = ObjectIdentifier(LineDetails.emptyBox)
        return serviceLines.withUnsafeBufferPointer { lines in
            lines.indices.contains { index in
                let line = lines.baseAddress! + index
                return line.pointee.$details != emptyDetails && test(LentLine(line))
            }
        }
    }

    /// The birth date and gender of whoever received the services: the 2010CA patient, or the
    /// subscriber when SBR02 = 18. Read in place: building that person copied their name, id and
    /// address, for about 150 such copies a claim, and so did testing the patient against nil.
    var patientBirthDate: CalendarDate? { patient.map { $0.birthDate } ?? subscriber.birthDate }
    var patientGender: String? { patient.map { $0.gender } ?? subscriber.gender }
    /// Whether the destination payer is Medicare (claim filing indicator MA/MB).
    var isMedicare: Bool { coverage.filingIndicator == "MB" || coverage.filingIndicator == "MA" }
}

extension CalendarDate {
    /// Whole years from `self` (a birth date) to `date`.
    func years(until date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }
}

/// ASCII helpers that read a string's bytes without allocating.
extension String {
    /// The string's UTF-8 bytes lent as a buffer (a small string's copied to the stack first).
    /// Walking `utf8` through the generic collection algorithms (`dropFirst`, `prefix`,
    /// `enumerated`) cost a few hundred instructions a code, for codes read several times a claim.
    @inline(__always) func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return ContiguousArray(utf8).withUnsafeBufferPointer(body)
    }

    var isAllDigits: Bool { withBytes { !$0.isEmpty && $0.allSatisfy(ValueSyntax.isDigit) } }
    var isAlphanumericASCII: Bool {
        withBytes { !$0.isEmpty && $0.allSatisfy { ValueSyntax.isDigit($0) || ($0 >= 0x41 && $0 <= 0x5A) } }
    }
    var firstByte: UInt8 { utf8.first ?? 0 }
}

/// A group's judgement built member by member, in the members' order: each `next` is the
/// verdict of the next member.
struct Judgement {
    private(set) var bits: UInt64 = 0
    private var slot: UInt64 = 0

    @inline(__always) mutating func next(_ fires: Bool) {
        if fires { bits |= 1 << slot }
        slot += 1
    }

    /// The next `count` members' verdicts at once, from a judgement of their own (bit `i` for
    /// the `i`-th); its bits from `count` on are not theirs and are left out.
    @inline(__always) mutating func next(_ verdicts: UInt64, _ count: Int) {
        bits |= (verdicts & (1 << UInt64(count) - 1)) << slot
        slot += UInt64(count)
    }
}
