import X12

/// Two visitors fed by one walk, so that parsing and validating read each segment once.
public struct LoopVisitorPair<First: LoopVisitor, Second: LoopVisitor>: LoopVisitor {
    public var first: First
    public var second: Second

    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public mutating func enter(_ loop: LoopSchema, position: Int) {
        first.enter(loop, position: position)
        second.enter(loop, position: position)
    }

    public mutating func exit(_ loop: LoopSchema) {
        first.exit(loop)
        second.exit(loop)
    }

    public mutating func visit(_ segment: Segment, schema: SegmentSchema, loop: LoopSchema, position: Int) {
        first.visit(segment, schema: schema, loop: loop, position: position)
        second.visit(segment, schema: schema, loop: loop, position: position)
    }
}
