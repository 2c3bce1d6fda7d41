import Testing
import X12Schema

/// The element checker takes the n-th component it finds in a composite as the n-th check after
/// the composite's own: every composite of the guide must be followed by one check for each of its
/// components, in order.
@Suite struct ElementPlanTests {
    static func segments(of loop: LoopSchema) -> [SegmentSchema] {
        loop.segments + loop.loops.flatMap(segments(of:))
    }

    @Test func compositesAreFollowedByEachOfTheirComponentsInOrder() {
        var composites = 0
        for segment in Self.segments(of: X222A1.transactionSet) {
            let checks = segment.plan.checks
            var index = 0
            while index < checks.count {
                let check = checks[index]
                #expect(check.component == 0, "\(segment.id) check \(index)")
                if check.kind == .composite {
                    composites += 1
                    let parts = checks[index + 1..<min(checks.count, index + 1 + Int(check.componentCount))]
                    #expect(parts.map(\.component) == Array(1...check.componentCount), "\(segment.id)\(check.position)")
                    #expect(parts.allSatisfy { $0.position == check.position })
                }
                index += 1 + (check.kind == .composite ? Int(check.componentCount) : 0)
            }
        }
        #expect(composites > 20)
    }
}
