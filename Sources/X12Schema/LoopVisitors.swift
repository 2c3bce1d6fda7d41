import X12

/// Two visitors fed by one walk, so that parsing and validating read each segment once. Inlinable,
/// so that a walk specialised for a pair calls both visitors directly.
public struct LoopVisitorPair<First: LoopVisitor, Second: LoopVisitor>: LoopVisitor {
    public var first: First
    public var second: Second

    @inlinable public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    @inlinable public mutating func enter(_ loop: LoopSchema, position: Int) {
        first.enter(loop, position: position)
        second.enter(loop, position: position)
    }

    @inlinable public mutating func exit(_ loop: LoopSchema) {
        first.exit(loop)
        second.exit(loop)
    }

    @inlinable public mutating func visit(_ segment: Segment, schema: SegmentSchema, loop: LoopSchema, position: Int) {
        first.visit(segment, schema: schema, loop: loop, position: position)
        second.visit(segment, schema: schema, loop: loop, position: position)
    }
}
