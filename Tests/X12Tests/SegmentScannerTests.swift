import ClaimsTestSupport
import Foundation
import Testing
import X12

@Suite struct SegmentScannerTests {
    static let samples = ((try? FileManager.default.contentsOfDirectory(
        atPath: Fixtures.sharedSamples.appendingPathComponent("837p").path)) ?? [])
        .filter { [".edi", ".txt", ".837"].contains(where: $0.hasSuffix) }.sorted()

    /// The envelope reader passes over a set's body with `peekID` and `skip`: they must find
    /// every segment `next` cuts, with the same tag and bytes, whatever the file's layout
    /// (CR/LF terminators, wrapped lines, odd separators, a byte order mark).
    @Test(arguments: samples)
    func skippingFindsWhatCuttingFinds(sample: String) throws {
        let source = X12Source(bytes: try Fixtures.sample("837p/" + sample))
        var start = 0
        while start < source.bytes.count, source.bytes[start] != UInt8(ascii: "I") { start += 1 }
        let delimiters = try Delimiters(isa: UnsafeBufferPointer(rebasing: source.bytes[start...]))
        var cutting = SegmentScanner(source: source, delimiters: delimiters, offset: start)
        var skipping = cutting
        var segments = 0
        while let segment = cutting.next() {
            #expect(skipping.peekID() == segment.id)
            #expect(skipping.skip() == segment.range)
            #expect(skipping.offset == cutting.offset)
            segments += 1
        }
        #expect(skipping.peekID() == nil)
        #expect(skipping.skip() == nil)
        #expect(segments > 20)
    }
}
