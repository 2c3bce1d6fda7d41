import Testing
import X12

/// Segments come out as X12 wants them, written whole or element by element: trailing empty
/// elements (and trailing empty components) dropped, empty ones inside kept as separators.
@Suite struct X12WriterTests {
    @Test func elementByElementMatchesTheWholeSegment() {
        var random = SeededRandom(seed: 0x5DEE_CE66_D1CE_4E5B)
        func next(_ bound: Int) -> Int { random.next(bound) }
        let values = ["", "", "A", "QC", "20260110", "1 ELM ST"]
        for _ in 0..<500 {
            let elements = (0..<next(8)).map { _ in values[next(values.count)] }
            let lineBreaks = next(2) == 0
            var kept = elements[...]
            while kept.last == "" { kept.removeLast() }
            let expected = (["REF"] + kept).joined(separator: "*") + "~" + (lineBreaks ? "\n" : "")
            var whole = X12Writer(lineBreaks: lineBreaks)
            var streamed = X12Writer(lineBreaks: lineBreaks)
            whole.segment("REF", elements)
            streamed.open("REF")
            for element in elements { streamed.element(element) }
            streamed.close()
            #expect(String(decoding: whole.bytes, as: UTF8.self) == expected)
            #expect(streamed.bytes == whole.bytes, "\(elements)")
            #expect(streamed.transactionSetSegmentCount == 1)
        }
    }

    @Test func writesCompositesWithoutTrailingEmptyComponents() {
        var writer = X12Writer(lineBreaks: false)
        writer.open("STC")
        writer.element(components: "A1", "", "PR")
        writer.element(components: "A2", "20")
        writer.element(components: "", "", "")
        writer.element("WQ")
        writer.element(components: "", "")
        writer.close()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "STC*A1::PR*A2:20**WQ~")
    }

    @Test func countsSegmentsFromTheTransactionSetHeader() {
        var writer = X12Writer()
        writer.segment("GS", "HC")
        writer.open("ST")
        writer.element("277")
        writer.close()
        writer.segment("BHT", "0085")
        #expect(writer.transactionSetSegmentCount == 2)
    }
}
