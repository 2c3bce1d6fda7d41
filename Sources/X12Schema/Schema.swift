import Synchronization
import X12

/// How an implementation guide marks a segment, loop or element.
public enum Usage: Sendable, Hashable {
    case required
    case situational
    case notUsed
}

/// The element (or component) value that tells two same-tagged segments of a loop apart, such as
/// the `NM101` entity code (`NM1*85` billing provider vs `NM1*87` pay-to) or `DTP01` date qualifier.
public struct Qualifier: Sendable {
    public let element: Int
    /// Component within the element, or nil when the element is simple.
    public let component: Int?
    public var values: [String] { codes.values }
    let codes: CodeList

    public init(element: Int = 1, component: Int? = nil, values: [String]) {
        self.element = element
        self.component = component
        codes = CodeList(values)
    }

    func matches(_ segment: Segment) -> Bool {
        var value = segment[element]
        if let component { value = value.component(component) }
        return codes.contains(value.bytes)
    }
}

/// One segment position in a loop of an implementation guide (a class, so that handing it to
/// each visitor for every segment costs one retain).
public final class SegmentSchema: Sendable {
    public let id: SegmentID
    public let name: String
    public let usage: Usage
    /// Maximum occurrences at this position (`Int.max` for the guide's ">1").
    public let maxUse: Int
    public let qualifier: Qualifier?
    /// The guide's rules for each element position (X12 definition narrowed by the guide).
    public let elements: [ElementRule]
    /// The X12 syntax notes of the segment (P/R/C/E/L).
    public let syntaxNotes: [SyntaxNote]
    /// `elements` flattened for the element checker; the schema keeps the rules it points to alive.
    public let plan: ElementPlan
    /// A number of its own among the positions made in this process, from 0: a walk keeping a
    /// tally per position (`CleanSegments`) indexes an array by it instead of hashing the object.
    public let ordinal = SegmentSchema.made.add(1, ordering: .relaxed).oldValue
    private static let made = Atomic<Int>(0)

    /// `elements` holds one guide notation per position (see `ElementRule`); when empty, the
    /// X12 definition alone applies (mandatory elements required, the rest situational).
    public init(
        _ id: SegmentID, _ name: String, _ usage: Usage, maxUse: Int = 1, qualifier: Qualifier? = nil,
        elements notations: [String] = []
    ) {
        self.id = id
        self.name = name
        self.usage = usage
        self.maxUse = maxUse
        self.qualifier = qualifier
        let definition = X12Dictionary.segments[id]
        syntaxNotes = definition?.syntaxNotes ?? []
        if let definition {
            elements = definition.rules(
                notations.isEmpty ? definition.elements.map { $0.isMandatory ? "R" : "S" } : notations)
        } else {
            elements = []
        }
        plan = ElementPlan(elements, notes: syntaxNotes)
    }

    /// Whether `segment` has this position's tag and, where one is set, its qualifier value.
    public func matches(_ segment: Segment) -> Bool {
        segment.id == id && (qualifier?.matches(segment) ?? true)
    }
}

/// One loop of an implementation guide: its segments in order (the first one starts a new
/// occurrence of the loop) and the loops nested in it.
public final class LoopSchema: Sendable {
    /// The guide's loop id (`2300`, `2010AA`).
    public let id: String
    /// `id` packed for fast dispatch.
    public let key: LoopKey
    public let name: String
    public let usage: Usage
    /// Maximum occurrences within one parent occurrence (`Int.max` for ">1").
    public let maxRepeat: Int
    public let segments: [SegmentSchema]
    public let loops: [LoopSchema]
    /// The tags of `segments` and of the nested loops' triggers, in order: placing a segment
    /// compares its tag down these integers and asks a rule for its qualifier only on a match.
    let segmentIDs: [SegmentID]
    let triggerIDs: [SegmentID]
    /// The tags of `segments` after the trigger, and of the nested loops' triggers, each as a bit
    /// of a word (`SegmentID.filterBit`): a tag whose bit is not set is in neither list, and the
    /// walk passes the loop over without comparing it down the list (most segments are placed
    /// after asking two or three loops that do not have them).
    let ownSegmentFilter: UInt64
    let triggerFilter: UInt64
    /// `segments` and `loops` unretained, for the walker (see `LoopStack`); they live as long as
    /// this loop does.
    let lentSegments: [Unmanaged<SegmentSchema>]
    let lentLoops: [Unmanaged<LoopSchema>]
    /// Indices of the required segments and nested loops: a walk checks them each time an
    /// occurrence closes, several times per claim.
    let requiredSegmentIndices: [Int]
    let requiredLoopIndices: [Int]
    /// The most occurrences a walk holds open at once from this loop down (its own and those of
    /// its deepest nesting), and the most counters they keep (one per segment and nested loop of
    /// each): what a walk's `LoopStack` is sized for.
    let deepestNesting: Int
    let deepestCounters: Int

    public init(
        _ id: String, _ name: String, _ usage: Usage, maxRepeat: Int = 1, segments: [SegmentSchema],
        loops: [LoopSchema] = []
    ) {
        precondition(!segments.isEmpty, "a loop starts with its trigger segment")
        self.id = id
        key = LoopKey(id)
        self.name = name
        self.usage = usage
        self.maxRepeat = maxRepeat
        self.segments = segments
        self.loops = loops
        segmentIDs = segments.map(\.id)
        triggerIDs = loops.map(\.trigger.id)
        ownSegmentFilter = segments.dropFirst().reduce(0) { $0 | $1.id.filterBit }
        triggerFilter = loops.reduce(0) { $0 | $1.trigger.id.filterBit }
        lentSegments = segments.map(Unmanaged.passUnretained)
        lentLoops = loops.map(Unmanaged.passUnretained)
        requiredSegmentIndices = segments.indices.filter { segments[$0].usage == .required }
        requiredLoopIndices = loops.indices.filter { loops[$0].usage == .required }
        deepestNesting = 1 + (loops.map(\.deepestNesting).max() ?? 0)
        deepestCounters = segments.count + loops.count + (loops.map(\.deepestCounters).max() ?? 0)
    }

    /// The segment that starts an occurrence of this loop.
    public var trigger: SegmentSchema { segments[0] }

    /// The loop id as a 999 may carry it (IK303 is at most 4 characters: `2010AA` → `2010`).
    public var acknowledgmentID: String { String(id.prefix(4)) }

    /// Every segment id used anywhere in this loop and below.
    public var allSegmentIDs: Set<SegmentID> {
        Set(segments.map(\.id)).union(loops.flatMap(\.allSegmentIDs))
    }
}

extension SegmentID {
    /// One bit of a word for the tag, for the loops' filters: equal tags set the same bit, so a
    /// tag whose bit a filter lacks is not among the tags it was made of.
    @inline(__always) var filterBit: UInt64 { 1 &<< (UInt64(rawValue) &* 0x9E37_79B9_7F4A_7C15 &>> 58) }
}
