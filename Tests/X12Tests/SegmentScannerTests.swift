import ClaimsTestSupport
import Foundation
import Testing

@testable import X12

@Suite struct SegmentScannerTests {
    static let samples = ((try? FileManager.default.contentsOfDirectory(
        atPath: Fixtures.sharedSamples.appendingPathComponent("837p").path)) ?? [])
        .filter { [".edi", ".txt", ".837"].contains(where: $0.hasSuffix) }.sorted()

    /// The envelope reader cuts a set's ST and passes over its body in one loop: it must pass
    /// exactly the segments `next` cuts up to the next envelope segment, count their CLMs and end
    /// where the last one ends, whatever the file's layout (CR/LF terminators, wrapped lines, odd
    /// separators, a byte order mark).
    @Test(arguments: samples)
    func passingFindsWhatCuttingFinds(sample: String) throws {
        let source = X12Source(bytes: try Fixtures.sample("837p/" + sample))
        var start = 0
        while start < source.bytes.count, source.bytes[start] != UInt8(ascii: "I") { start += 1 }
        let delimiters = try Delimiters(isa: UnsafeBufferPointer(rebasing: source.bytes[start...]))
        var cutting = SegmentScanner(source: source, delimiters: delimiters, offset: start)
        var cut: [(id: SegmentID, end: Int, offset: Int)] = []
        while let segment = cutting.next() { cut.append((segment.id, segment.range.upperBound, cutting.offset)) }

        var sets = 0
        for opening in cut.indices where cut[opening].id == "ST" {
            let body = cut[(opening + 1)...].prefix { !InterchangeReader.isEnvelope($0.id) && $0.id != "ISA" }
            var passing = SegmentScanner(source: source, delimiters: delimiters, offset: cut[opening].offset)
            let passed = passing.passSegmentsInsideSet(before: .max)
            #expect(passed.count == body.count)
            #expect(passed.claims == body.count { $0.id == "CLM" })
            #expect(passed.end == body.last?.end)
            #expect(passing.offset == body.last?.offset)
            #expect(passing.peekID() == cut[opening + body.count + 1].id)
            // Past `limit`, one segment is passed, and no more.
            var bounded = SegmentScanner(source: source, delimiters: delimiters, offset: cut[opening].offset)
            #expect(bounded.passSegmentsInsideSet(before: 0).count == 1)
            #expect(bounded.offset == body.first?.offset)
            sets += 1
        }
        #expect(sets > 0)
        #expect(cut.count > 20)
    }

    /// A body stops at a segment starting with `ISA` (a new interchange, however its tag ends);
    /// a tag of four letters is not an envelope tag, and is passed over like any other.
    @Test func passingStopsAtAnInterchangeHeaderAndPassesLongTags() throws {
        let body = "CLM*1*10~\r\nABCD*1~CLM*2*20~REF*F8*X~ISAX*00~SE*6*0001~"
        let source = X12Source(bytes: Array(body.utf8))
        var scanner = SegmentScanner(
            source: source, delimiters: Delimiters(
                element: UInt8(ascii: "*"), repetition: UInt8(ascii: "^"), component: UInt8(ascii: ":"), segment: UInt8(ascii: "~")), offset: 0)
        let passed = scanner.passSegmentsInsideSet(before: .max)
        #expect(passed.count == 4)
        #expect(passed.claims == 2)
        #expect(passed.end == body.utf8.count - "~ISAX*00~SE*6*0001~".utf8.count)
        #expect(scanner.atInterchangeHeader())
    }
}
