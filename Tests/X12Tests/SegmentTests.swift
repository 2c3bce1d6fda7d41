import Testing
import X12

@Suite struct SegmentTests {
    static let text = "SV1*HC:99213:25*40*UN*1***1:2**Y"
    /// Held for the suite's life: a segment is a view into bytes its source owns.
    static let source = X12Source(text)
    let segment = Segment(source: Self.source, range: 0..<text.utf8.count, delimiters: .standard)

    @Test func readsElementsByX12Position() {
        #expect(segment.id == "SV1")
        #expect(segment[2].string == "40")
        #expect(segment[5].isEmpty)
        #expect(segment[99].isEmpty)
        #expect(segment.elementCount == 9)
    }

    @Test func readsComponents() {
        #expect(segment[1].component(2).string == "99213")
        #expect(segment[1].component(3).string == "25")
        #expect(segment[1].component(4).isEmpty)
        #expect(segment[1].componentCount == 3)
        #expect(segment[7].components.map(\.string) == ["1", "2"])
    }

    @Test func comparesWithoutAllocating() {
        #expect(segment[3].equals("UN"))
        #expect(!segment[3].equals("MJ"))
    }

    @Test func packsSegmentIDs() {
        #expect(SegmentID("NM1").description == "NM1")
        #expect(SegmentID("NM1").isWellFormed)
        #expect(!SegmentID(bytes: Array("*IC".utf8)).isWellFormed)
        #expect(SegmentID(bytes: Array("ABCD".utf8)) == .invalid)
    }
}
