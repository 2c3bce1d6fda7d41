import X12

/// Receives a transaction set's segments in order, each placed in its loop of the guide.
public protocol LoopVisitor {
    /// A new occurrence of `loop` starts with the segment at `position` (counted from ST = 1).
    mutating func enter(_ loop: LoopSchema, position: Int)
    /// The occurrence of `loop` ended (every nested loop has ended before).
    mutating func exit(_ loop: LoopSchema)
    /// `segment` sits at `schema`'s place in `loop`.
    mutating func visit(_ segment: Segment, schema: SegmentSchema, loop: LoopSchema, position: Int)
}

/// A segment or loop that is not where the guide allows it: a 999 IK3 error.
public struct StructureError: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case unrecognizedSegment
        case unexpectedSegment
        case requiredSegmentMissing
        case loopOverMaximum
        case segmentOverMaximum
        case segmentNotInTransactionSet
        case segmentOutOfSequence

        /// IK304, Implementation Segment Syntax Error Code.
        public var ik304Code: String {
            switch self {
            case .unrecognizedSegment: "1"
            case .unexpectedSegment: "2"
            case .requiredSegmentMissing: "3"
            case .loopOverMaximum: "4"
            case .segmentOverMaximum: "5"
            case .segmentNotInTransactionSet: "6"
            case .segmentOutOfSequence: "7"
            }
        }
    }

    public var kind: Kind
    public var segmentID: SegmentID
    /// Position counted from ST = 1: the offending segment, or for a missing one the segment at
    /// which its absence became certain.
    public var position: Int
    /// The guide's loop id (`2010AA`); a 999 carries its first four characters.
    public var loopID: String
    /// The guide's name of the missing or misplaced segment, for readable reports.
    public var name: String?

    public init(kind: Kind, segmentID: SegmentID, position: Int, loopID: String, name: String? = nil) {
        self.kind = kind
        self.segmentID = segmentID
        self.position = position
        self.loopID = loopID
        self.name = name
    }
}

/// Places each segment of a transaction set in the loop structure of a guide.
///
/// Like a reader of the printed guide: a segment belongs to the innermost open loop that still
/// allows it further down its segment table; failing that it starts a nested loop whose first
/// segment it matches; failing that the innermost loop closes and its parent is asked. A segment no
/// open loop accepts is reported and skipped, leaving the position in the structure unchanged.
public struct LoopWalker: Sendable {
    public let schema: LoopSchema
    @usableFromInline let knownSegmentIDs: Set<SegmentID>

    public init(schema: LoopSchema) {
        self.schema = schema
        knownSegmentIDs = schema.allSegmentIDs.union(["SE"])
    }

    /// Walks `segments` (ST first; SE last when the set has its trailer) and returns the structure
    /// errors found. The visitor sees every segment that could be placed.
    ///
    /// Inlinable, so that it is specialised for each visitor in the module that walks: a generic
    /// walk would reach every segment and visitor through witness tables.
    @inlinable
    public func walk<Visitor: LoopVisitor>(_ segments: TransactionSet.Segments, visitor: inout Visitor) -> [StructureError] {
        var errors: [StructureError] = []
        var iterator = segments.makeIterator()
        guard let first = iterator.next() else { return errors }
        var stack = LoopStack(schema)
        visitor.enter(schema, position: 1)
        visitor.visit(first, schema: schema.trigger, loop: schema, position: 1)

        var position = 1
        var trailerPosition: Int?
        while let segment = iterator.next() {
            position += 1
            if segment.id == "SE", position == segments.count {
                trailerPosition = position
                break
            }
            guard let placement = stack.placement(of: segment) else {
                errors.append(unplaced(segment, at: position, in: stack))
                if let (rule, loop) = stack.earlierPlace(of: segment) {
                    visitor.visit(segment, schema: rule, loop: loop, position: position)
                }
                continue
            }
            while stack.depth > placement.depth + 1 {
                stack.close(at: position, into: &errors)._withUnsafeGuaranteedRef { visitor.exit($0) }
            }
            switch stack.apply(placement, to: segment, at: position, into: &errors) {
            case .segment(let rule, let loop):
                rule._withUnsafeGuaranteedRef { rule in
                    loop._withUnsafeGuaranteedRef { visitor.visit(segment, schema: rule, loop: $0, position: position) }
                }
            case .loop(let loop, let trigger):
                loop._withUnsafeGuaranteedRef { loop in
                    visitor.enter(loop, position: position)
                    trigger._withUnsafeGuaranteedRef { visitor.visit(segment, schema: $0, loop: loop, position: position) }
                }
            }
        }
        // SE closes every loop at its own position; without it they close past the last segment.
        let end = trailerPosition ?? position + 1
        while stack.depth > 0 { stack.close(at: end, into: &errors)._withUnsafeGuaranteedRef { visitor.exit($0) } }
        return errors
    }

    @usableFromInline
    func unplaced(_ segment: Segment, at position: Int, in stack: LoopStack) -> StructureError {
        let loopID = stack.innermostLoop?.id ?? schema.id
        let kind: StructureError.Kind
        if !segment.id.isWellFormed {
            kind = .unrecognizedSegment
        } else if !knownSegmentIDs.contains(segment.id) {
            kind = .segmentNotInTransactionSet
        } else if stack.earlierPlace(of: segment) != nil {
            kind = .segmentOutOfSequence
        } else {
            kind = .unexpectedSegment
        }
        return StructureError(kind: kind, segmentID: segment.id, position: position, loopID: loopID)
    }
}

/// The open loop occurrences of a walk, outermost first, with their counters kept in one shared
/// buffer: opening a loop, which happens several times per claim, allocates nothing.
///
/// Both live in memory of its own, sized at the start for the schema's deepest nesting (the open
/// occurrences are always one path down the schema's tree), not in arrays: every segment moves a
/// cursor and a count, and an array checked that it alone held its storage at each write (about
/// 80 checks a claim).
///
/// The loops and segments it holds and hands out are unretained (the walker's schema owns them
/// for the walk): every judging thread walks the same schema, and retaining its objects for each
/// segment made the threads take turns at their reference counts (5 % of the gateway's `perf`
/// samples, which a one-thread profile does not show).
@usableFromInline
struct LoopStack {
    struct Frame {
        let loop: Unmanaged<LoopSchema>
        /// Index in `loop.segments` of the last segment placed here.
        var segmentCursor = 0
        /// Index in `loop.loops` of the last nested loop started; nil before the first.
        var loopCursor: Int?
        /// Where this occurrence's counts start in `counts`: one per segment of the loop, then
        /// one per nested loop.
        let countsStart: Int
    }

    /// Where a segment goes: one of the loop's own segments, or the start of a nested loop.
    @usableFromInline
    struct Placement {
        enum Kind {
            case ownSegment(Int)
            case nestedLoop(Int)
        }
        @usableFromInline var depth: Int
        var kind: Kind
    }

    /// What the visitor is told about a placed segment: its rule and loop, or the loop it starts
    /// and that loop's trigger.
    @usableFromInline
    enum Step {
        case segment(Unmanaged<SegmentSchema>, Unmanaged<LoopSchema>)
        case loop(Unmanaged<LoopSchema>, trigger: Unmanaged<SegmentSchema>)
    }

    /// Owns the memory, freed with the last copy of the stack.
    private final class Storage {
        let frames: UnsafeMutableBufferPointer<Frame>
        let counts: UnsafeMutableBufferPointer<Int>

        init(for root: LoopSchema) {
            frames = .allocate(capacity: root.deepestNesting)
            counts = .allocate(capacity: root.deepestCounters)
        }

        deinit {
            frames.deallocate()
            counts.deallocate()
        }
    }

    /// Keeps `frames` and `counts` alive; they are held again below so that each read goes to
    /// the memory directly rather than through the object.
    private let storage: Storage
    /// The open occurrences, outermost first, up to `depth`.
    private let frames: UnsafeMutableBufferPointer<Frame>
    @usableFromInline private(set) var depth = 0
    /// The open occurrences' counts, innermost last, up to `countsEnd`.
    private let counts: UnsafeMutableBufferPointer<Int>
    private var countsEnd = 0

    @usableFromInline
    init(_ root: LoopSchema) {
        storage = Storage(for: root)
        frames = storage.frames
        counts = storage.counts
        open(root)
    }

    @usableFromInline var innermostLoop: LoopSchema? { depth > 0 ? frames[depth - 1].loop.takeUnretainedValue() : nil }

    /// Opens an occurrence of `loop`, nested in the innermost one (or the root).
    private mutating func open(_ loop: LoopSchema) {
        let start = countsEnd
        countsEnd += loop.segments.count + loop.loops.count
        // Bounds are checked here, once an occurrence, so that the reads and writes of each
        // segment need not be.
        precondition(depth < frames.count && countsEnd <= counts.count, "a loop opened outside the schema's nesting")
        counts[start] = 1
        for index in (start + 1)..<countsEnd { counts[index] = 0 }
        frames.initializeElement(at: depth, to: Frame(loop: Unmanaged.passUnretained(loop), countsStart: start))
        depth += 1
    }

    /// Closes the innermost loop, reporting what it required and never got, and returns it.
    @usableFromInline
    mutating func close(at position: Int, into errors: inout [StructureError]) -> Unmanaged<LoopSchema> {
        depth -= 1
        let frame = frames[depth]
        frame.loop._withUnsafeGuaranteedRef { reportMissing(in: $0, counts: frame.countsStart, at: position, into: &errors) }
        countsEnd = frame.countsStart
        return frame.loop
    }

    /// The required segments and nested loops of the closing `loop` that never came.
    private func reportMissing(in loop: LoopSchema, counts start: Int, at position: Int, into errors: inout [StructureError]) {
        for index in loop.requiredSegmentIndices where counts[start + index] == 0 {
            let rule = loop.segments[index]
            errors.append(
                StructureError(
                    kind: .requiredSegmentMissing, segmentID: rule.id, position: position, loopID: loop.id, name: rule.name))
        }
        let loopCounts = start + loop.segments.count
        for index in loop.requiredLoopIndices where counts[loopCounts + index] == 0 {
            let nested = loop.loops[index]
            errors.append(
                StructureError(
                    kind: .requiredSegmentMissing, segmentID: nested.trigger.id, position: position, loopID: loop.id,
                    name: nested.name))
        }
    }

    /// Like a reader of the guide: the innermost open loop that still allows `segment` further
    /// down its table, or a nested loop it starts, else the same question one loop out.
    ///
    /// Always inlined where it can be (not in the walks specialised in other modules, which call
    /// it): without the mark, the compiler also left the look-up in each loop (`place`, reached
    /// through a closure) a call of its own, about 800 instructions a claim.
    @usableFromInline @inline(__always)
    func placement(of segment: Segment) -> Placement? {
        let bit = segment.id.filterBit
        var depth = depth
        while depth > 0 {
            depth -= 1
            let frame = frames[depth]
            let found = frame.loop._withUnsafeGuaranteedRef { Self.place(segment, bit, in: $0, frame) }
            if let found { return Placement(depth: depth, kind: found) }
        }
        return nil
    }

    /// Where `segment` (its tag's `filterBit` `bit`) goes in the open occurrence `frame` of `loop`,
    /// if anywhere.
    @inline(__always)
    private static func place(_ segment: Segment, _ bit: UInt64, in loop: LoopSchema, _ frame: Frame) -> Placement.Kind? {
        // Once a nested loop has started, the loop's own segments are behind it.
        if frame.loopCursor == nil, loop.ownSegmentFilter & bit != 0,
            let index = firstIndex(of: segment.id, in: loop.segmentIDs, from: Swift.max(frame.segmentCursor, 1), where: {
                loop.lentSegments[$0]._withUnsafeGuaranteedRef { $0.matches(segment) }
            })
        {
            return .ownSegment(index)
        }
        guard loop.triggerFilter & bit != 0 else { return nil }
        return firstIndex(of: segment.id, in: loop.triggerIDs, from: frame.loopCursor ?? 0, where: {
            loop.lentLoops[$0]._withUnsafeGuaranteedRef { $0.lentSegments[0]._withUnsafeGuaranteedRef { $0.matches(segment) } }
        }).map { .nestedLoop($0) }
    }

    /// The first index from `start` holding `id` whose rule `matches` too (its qualifier, if any).
    private static func firstIndex(
        of id: SegmentID, in ids: [SegmentID], from start: Int, where matches: (Int) -> Bool
    ) -> Int? {
        ids.withUnsafeBufferPointer { ids in
            var index = start
            while index < ids.count {
                if ids[index] == id, matches(index) { return index }
                index += 1
            }
            return nil
        }
    }

    /// Counts `segment` where `placement` (found before the loops inside it were closed) puts it,
    /// reporting a segment or loop past its maximum.
    @usableFromInline
    mutating func apply(
        _ placement: Placement, to segment: Segment, at position: Int, into errors: inout [StructureError]
    ) -> Step {
        let depth = placement.depth
        let lent = frames[depth].loop
        return lent._withUnsafeGuaranteedRef { loop in
            switch placement.kind {
            case .ownSegment(let index):
                frames[depth].segmentCursor = index
                let count = frames[depth].countsStart + index
                counts[count] += 1
                let rule = loop.lentSegments[index]
                if counts[count] > rule._withUnsafeGuaranteedRef({ $0.maxUse }) {
                    errors.append(
                        StructureError(
                            kind: .segmentOverMaximum, segmentID: segment.id, position: position, loopID: loop.id,
                            name: rule.takeUnretainedValue().name))
                }
                return .segment(rule, lent)
            case .nestedLoop(let index):
                frames[depth].loopCursor = index
                let count = frames[depth].countsStart + loop.segments.count + index
                counts[count] += 1
                let nested = loop.lentLoops[index]
                return nested._withUnsafeGuaranteedRef { nested in
                    if counts[count] > nested.maxRepeat {
                        errors.append(
                            StructureError(
                                kind: .loopOverMaximum, segmentID: segment.id, position: position, loopID: nested.id,
                                name: nested.name))
                    }
                    open(nested)
                    return .loop(Unmanaged.passUnretained(nested), trigger: nested.lentSegments[0])
                }
            }
        }
    }

    /// Where an out-of-order segment would have belonged in an open loop, so its data is not lost.
    @usableFromInline
    func earlierPlace(of segment: Segment) -> (SegmentSchema, LoopSchema)? {
        for frame in frames[..<depth].reversed() {
            let loop = frame.loop.takeUnretainedValue()
            if let rule = loop.segments.dropFirst().first(where: { $0.matches(segment) }) { return (rule, loop) }
        }
        return nil
    }
}
