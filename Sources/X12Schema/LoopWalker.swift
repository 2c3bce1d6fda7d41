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
    let knownSegmentIDs: Set<SegmentID>

    public init(schema: LoopSchema) {
        self.schema = schema
        knownSegmentIDs = schema.allSegmentIDs.union(["SE"])
    }

    /// One open loop occurrence. A class, so the walker's stack holds references and placing a
    /// segment never copies a frame's counters.
    final class Frame {
        let loop: LoopSchema
        /// Index in `loop.segments` of the last segment placed here.
        var segmentCursor = 0
        var segmentCounts: [Int]
        /// Index in `loop.loops` of the last nested loop started; nil before the first.
        var loopCursor: Int?
        var loopCounts: [Int]

        init(_ loop: LoopSchema) {
            self.loop = loop
            segmentCounts = Array(repeating: 0, count: loop.segments.count)
            segmentCounts[0] = 1
            loopCounts = Array(repeating: 0, count: loop.loops.count)
        }

        /// The loop's own segment that `segment` continues with, if any. Once a nested loop has
        /// started, the loop's own segments are behind it.
        func ownSegmentIndex(for segment: Segment) -> Int? {
            guard loopCursor == nil else { return nil }
            let segments = loop.segments
            var index = Swift.max(segmentCursor, 1)
            while index < segments.count {
                if segments[index].matches(segment) { return index }
                index += 1
            }
            return nil
        }

        func nestedLoopIndex(for segment: Segment) -> Int? {
            let loops = loop.loops
            var index = loopCursor ?? 0
            while index < loops.count {
                if loops[index].trigger.matches(segment) { return index }
                index += 1
            }
            return nil
        }
    }

    /// Walks `segments` (ST first; SE last when the set has its trailer) and returns the structure
    /// errors found. The visitor sees every segment that could be placed.
    public func walk<Segments: RandomAccessCollection<Segment>, Visitor: LoopVisitor>(
        _ segments: Segments, visitor: inout Visitor
    ) -> [StructureError] where Segments.Index == Int {
        var errors: [StructureError] = []
        guard let first = segments.first else { return errors }
        var stack = [Frame(schema)]
        visitor.enter(schema, position: 1)
        visitor.visit(first, schema: schema.trigger, loop: schema, position: 1)

        func close(downTo depth: Int, at position: Int) {
            while stack.count > depth {
                let frame = stack.removeLast()
                reportMissing(in: frame, at: position, into: &errors)
                visitor.exit(frame.loop)
            }
        }

        var position = 1
        for segment in segments.dropFirst() {
            position += 1
            if segment.id == "SE", position == segments.count {
                close(downTo: 0, at: position)
                return errors
            }
            guard let placement = place(segment, in: stack) else {
                errors.append(unplaced(segment, at: position, in: stack))
                if let (depth, index) = earlierPlace(of: segment, in: stack) {
                    let loop = stack[depth].loop
                    visitor.visit(segment, schema: loop.segments[index], loop: loop, position: position)
                }
                continue
            }
            close(downTo: placement.depth + 1, at: position)
            switch placement.kind {
            case .ownSegment(let index):
                let frame = stack[placement.depth]
                frame.segmentCursor = index
                frame.segmentCounts[index] += 1
                let rule = frame.loop.segments[index]
                if frame.segmentCounts[index] > rule.maxUse {
                    errors.append(
                        StructureError(
                            kind: .segmentOverMaximum, segmentID: segment.id, position: position,
                            loopID: frame.loop.id, name: rule.name))
                }
                visitor.visit(segment, schema: rule, loop: frame.loop, position: position)
            case .nestedLoop(let index):
                let frame = stack[placement.depth]
                frame.loopCursor = index
                frame.loopCounts[index] += 1
                let loop = frame.loop.loops[index]
                if frame.loopCounts[index] > loop.maxRepeat {
                    errors.append(
                        StructureError(
                            kind: .loopOverMaximum, segmentID: segment.id, position: position, loopID: loop.id,
                            name: loop.name))
                }
                stack.append(Frame(loop))
                visitor.enter(loop, position: position)
                visitor.visit(segment, schema: loop.trigger, loop: loop, position: position)
            }
        }
        close(downTo: 0, at: position + 1)
        return errors
    }

    struct Placement {
        enum Kind {
            case ownSegment(Int)
            case nestedLoop(Int)
        }
        var depth: Int
        var kind: Kind
    }

    func place(_ segment: Segment, in stack: [Frame]) -> Placement? {
        for depth in stack.indices.reversed() {
            if let index = stack[depth].ownSegmentIndex(for: segment) {
                return Placement(depth: depth, kind: .ownSegment(index))
            }
            if let index = stack[depth].nestedLoopIndex(for: segment) {
                return Placement(depth: depth, kind: .nestedLoop(index))
            }
        }
        return nil
    }

    /// Where an out-of-order segment would have belonged in an open loop, so its data is not lost.
    func earlierPlace(of segment: Segment, in stack: [Frame]) -> (depth: Int, index: Int)? {
        for depth in stack.indices.reversed() {
            let loop = stack[depth].loop
            if let index = loop.segments.indices.dropFirst().first(where: { loop.segments[$0].matches(segment) }) {
                return (depth, index)
            }
        }
        return nil
    }

    func unplaced(_ segment: Segment, at position: Int, in stack: [Frame]) -> StructureError {
        let loopID = stack.last?.loop.id ?? schema.id
        let kind: StructureError.Kind
        if !segment.id.isWellFormed {
            kind = .unrecognizedSegment
        } else if !knownSegmentIDs.contains(segment.id) {
            kind = .segmentNotInTransactionSet
        } else if earlierPlace(of: segment, in: stack) != nil {
            kind = .segmentOutOfSequence
        } else {
            kind = .unexpectedSegment
        }
        return StructureError(kind: kind, segmentID: segment.id, position: position, loopID: loopID)
    }

    func reportMissing(in frame: Frame, at position: Int, into errors: inout [StructureError]) {
        for (index, rule) in frame.loop.segments.enumerated() where rule.usage == .required && frame.segmentCounts[index] == 0 {
            errors.append(
                StructureError(
                    kind: .requiredSegmentMissing, segmentID: rule.id, position: position, loopID: frame.loop.id,
                    name: rule.name))
        }
        for (index, loop) in frame.loop.loops.enumerated() where loop.usage == .required && frame.loopCounts[index] == 0 {
            errors.append(
                StructureError(
                    kind: .requiredSegmentMissing, segmentID: loop.trigger.id, position: position,
                    loopID: frame.loop.id, name: loop.name))
        }
    }
}
