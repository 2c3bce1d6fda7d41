import Testing
import X12

@testable import X12Schema

/// A loop's tag filters (`LoopSchema.ownSegmentFilter`, `triggerFilter`) let the walk pass a loop
/// over without comparing a segment's tag down its lists: they must admit every tag the lists
/// hold, and turn away most of the guide's other tags.
@Suite struct LoopFilterTests {
    static func loops(of loop: LoopSchema) -> [LoopSchema] { [loop] + loop.loops.flatMap(loops(of:)) }

    @Test func everyLoopAdmitsItsOwnTags() {
        for loop in Self.loops(of: X222A1.transactionSet) {
            for id in loop.segmentIDs.dropFirst() {
                #expect(loop.ownSegmentFilter & id.filterBit != 0, "\(loop.id) \(id)")
            }
            for id in loop.triggerIDs { #expect(loop.triggerFilter & id.filterBit != 0, "\(loop.id) \(id)") }
        }
    }

    @Test func mostOtherTagsAreTurnedAway() {
        let tags = X222A1.transactionSet.allSegmentIDs
        var asked = 0, turnedAway = 0
        for loop in Self.loops(of: X222A1.transactionSet) {
            for (list, filter) in [(loop.segmentIDs.dropFirst(), loop.ownSegmentFilter), (loop.triggerIDs[...], loop.triggerFilter)] {
                for tag in tags where !list.contains(tag) {
                    asked += 1
                    if filter & tag.filterBit == 0 { turnedAway += 1 }
                }
            }
        }
        #expect(asked > 1_000)
        #expect(Double(turnedAway) / Double(asked) > 0.8, "\(turnedAway) of \(asked)")
    }
}
