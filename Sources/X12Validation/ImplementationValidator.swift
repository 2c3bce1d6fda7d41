import X12
import X12Schema

/// Checks a transaction set against the guide's element rules and the situational rules that
/// can be decided inside it (SNIP 1–2), while the loop walker places its segments: a
/// `LoopVisitor` that runs beside the claim reader, so each segment is read once. A segment that
/// repeats one already found clean under the same rule is not checked again (`CleanSegments`);
/// the situational rules, which depend on where a segment stands, see every segment.
public struct ImplementationValidator: LoopVisitor {
    private let checker = ElementChecker()
    private var situations = SituationalRules()
    private var findings: [SegmentFinding] = []
    private var cleanSegments: CleanSegments

    public init() { cleanSegments = CleanSegments() }

    /// Without the memory of clean segments: for tests that compare the findings with and without it.
    init(remembersCleanSegments: Bool) { cleanSegments = CleanSegments(isActive: remembersCleanSegments) }

    public mutating func enter(_ loop: LoopSchema, position: Int) {
        situations.enter(loop, position: position, into: &findings)
    }

    public mutating func exit(_ loop: LoopSchema) {
        situations.exit(loop, into: &findings)
    }

    public mutating func visit(_ segment: Segment, schema: SegmentSchema, loop: LoopSchema, position: Int) {
        let memory = cleanSegments.isActive ? cleanSegments.lookUp(segment, rule: schema) : .notLookedUp
        var elements = memory.isClean ? [] : checker.check(segment, schema: schema)
        if case .unknown(let key) = memory, elements.isEmpty { cleanSegments.remember(segment, key) }
        situations.visit(segment, schema: schema, loop: loop, position: position, elements: &elements, into: &findings)
        guard !elements.isEmpty else { return }
        findings.append(
            SegmentFinding(
                editID: "SEG-008", segmentID: segment.id, position: position, loopID: loop.id, segmentCode: "8",
                elements: elements, message: "\(segment.id) (\(schema.name)) has data element errors"))
    }

    /// The findings in segment order; element errors of one segment are reported in one IK3.
    public func result() -> [SegmentFinding] {
        var merged: [SegmentFinding] = []
        for finding in findings.sorted(by: { $0.position < $1.position }) {
            if finding.segmentCode == "8", let last = merged.last, last.position == finding.position, last.segmentCode == "8" {
                merged[merged.count - 1].elements = (last.elements + finding.elements).sorted {
                    ($0.position, $0.component ?? 0) < ($1.position, $1.component ?? 0)
                }
            } else {
                merged.append(finding)
            }
        }
        return merged
    }
}
