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
        #expect(segment[7].components.map(\.string) == ["1", "2"])
    }

    /// Read in order, components are the ones read by position, and the reader ends after the
    /// last one, for composites with empty components and none at all.
    @Test(arguments: ["HC:99213:25", "", ":", "A", ":B:", "A::C", "HC:1:2:3:4:5:DESCRIPTION"])
    func readsComponentsInOrderAsByPosition(composite: String) {
        let source = X12Source("X*\(composite)")
        let element = Segment(source: source, range: 0..<composite.utf8.count + 2, delimiters: .standard)[1]
        let count = composite.split(separator: ":", omittingEmptySubsequences: false).count
        var reader = element.componentReader
        for position in 1...count + 2 {
            #expect(reader.isAtEnd == (position > count))
            let component = reader.next()
            #expect(component.range == element.component(position).range, "component \(position) of \(composite)")
        }
        withExtendedLifetime(source) {}
    }

    @Test func comparesWithoutAllocating() {
        #expect(segment[3].equals("UN"))
        #expect(!segment[3].equals("MJ"))
    }

    /// Segments are cut eight bytes at a time: whatever the lengths, separators and bytes around
    /// them (delimiters at every offset of a word, runs past the 16 recorded separators, bytes
    /// above 0x7F, the file's last bytes), every element must read as splitting byte by byte does.
    @Test(arguments: [Delimiters.standard, Delimiters(element: 0x7C, repetition: 0x5E, component: 0xB6, segment: 0x0A)])
    func cutsAsSplittingByteByByteDoes(delimiters: Delimiters) {
        var random = SeededRandom(seed: 0x2545_F491_4F6C_DD1D)
        func next(_ bound: Int) -> Int { random.next(bound) }
        let alphabet = Array("ABZ019 .-".utf8) + [0x80, 0xFF, 0x00, delimiters.element | 0x80, delimiters.segment | 0x80, delimiters.component, delimiters.repetition]
        var bytes: [UInt8] = []
        for _ in 0..<400 {
            // Tags of every length the cutter reads differently: none (with an element at least,
            // or there is no segment), one to three bytes, four.
            let tag = ["", "N", "N\(next(10))", "NM\(next(10))", "ABCD"][next(5)]
            bytes += Array(tag.utf8)
            for _ in 0..<max(tag.isEmpty ? 1 : 0, next(next(3) == 0 ? 40 : 12)) {
                bytes.append(delimiters.element)
                for _ in 0..<next(next(4) == 0 ? 20 : 4) { bytes.append(alphabet[next(alphabet.count)]) }
            }
            bytes.append(delimiters.segment)
        }
        bytes.removeLast(next(2))  // with or without a terminator after the last segment
        let source = X12Source(bytes: bytes)
        var scanner = SegmentScanner(source: source, delimiters: delimiters, offset: 0)
        var expected = bytes.split(separator: delimiters.segment, omittingEmptySubsequences: false)[...]
        if expected.last?.isEmpty == true { expected.removeLast() }
        while let segment = scanner.next() {
            let elements = expected.removeFirst().split(separator: delimiters.element, omittingEmptySubsequences: false)
            #expect(segment.id == SegmentID(bytes: elements[0]))
            #expect(segment.elementCount == elements.count - 1)
            for position in 1...elements.count + 1 {
                #expect(Array(segment[position].bytes) == Array(elements.dropFirst(position).first ?? []))
            }
        }
        #expect(expected.isEmpty)
    }

    /// Separators are recorded as 16-bit offsets: past 64 KB into a segment (a long free-text
    /// element, or a tag that long) elements are found by scanning, and still read as sent.
    @Test func readsElementsPastSixtyFourKilobytes() {
        let long = [UInt8](repeating: UInt8(ascii: "A"), count: 70_000)
        let bytes = Array("NTE*".utf8) + long + Array("*B*C~".utf8) + long + Array("*D~".utf8)
        var scanner = SegmentScanner(source: X12Source(bytes: bytes), delimiters: .standard, offset: 0)
        let note = scanner.next()!
        #expect(note.id == "NTE")
        #expect(note.elementCount == 3)
        #expect(Array(note[1].bytes) == long)
        #expect(note[2].string == "B" && note[3].string == "C" && note[4].isEmpty)
        let tagOnly = scanner.next()!
        #expect(tagOnly.id == .invalid)
        #expect(tagOnly.elementCount == 1)
        #expect(tagOnly[1].string == "D")
        #expect(scanner.next() == nil)
    }

    @Test func packsSegmentIDs() {
        #expect(SegmentID("NM1").description == "NM1")
        #expect(SegmentID("NM1").isWellFormed)
        #expect(!SegmentID(bytes: Array("*IC".utf8)).isWellFormed)
        #expect(SegmentID(bytes: Array("ABCD".utf8)) == .invalid)
    }
}
