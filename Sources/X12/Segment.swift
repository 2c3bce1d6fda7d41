/// One segment of an X12 file: a view into the file's bytes (no copy), without its terminator.
///
/// Element positions follow X12 numbering: `segment[1]` is the first element after the tag
/// (`CLM01`), and a position past the last element reads as empty, as X12 treats trailing
/// omitted elements.
///
/// A segment does not own its bytes: it is a plain view (copying one, or cutting an element from
/// it, costs no reference counting, which a walk over millions of segments would feel). The
/// values that keep segments beyond a walk (`InterchangeHeader`, `FunctionalGroup`,
/// `TransactionSet`) hold the `X12Source` itself, and a segment must not outlive them.
public struct Segment: @unchecked Sendable {
    /// Every byte of the file the segment was cut from.
    public let file: X12Source.Bytes
    /// Byte range of the segment in `file`, tag included, terminator excluded.
    public let range: Range<Int>
    public let id: SegmentID
    public let delimiters: Delimiters
    /// Offsets from `range.lowerBound` of the first element separators, found once when the
    /// segment is cut, so that reading any of the first elements costs no scan: readers and
    /// edits read several elements of every segment.
    @usableFromInline let separators: SeparatorOffsets
    @usableFromInline let recordedSeparators: UInt8
    /// Whether the segment has separators beyond those recorded (more than 16, or a segment too
    /// long for 16-bit offsets): elements past the last recorded one are found by scanning.
    @usableFromInline let hasUnrecordedSeparators: Bool

    /// Room for 16: the guide's segments but CLM and SV1 have fewer elements, and those two rarely
    /// send theirs past the sixteenth; 24 made every segment, and every copy of one, 16 bytes
    /// larger for positions hardly ever read (about 370 instructions a claim).
    @usableFromInline typealias SeparatorOffsets = InlineArray<16, UInt16>

    public init(source: X12Source, range: Range<Int>, delimiters: Delimiters) {
        self.init(file: source.bytes, start: range.lowerBound, limit: range.upperBound, delimiters: delimiters)
    }

    /// Cuts the segment starting at `start`: up to the next segment terminator, or to `limit`.
    /// Its element separators are recorded in the same pass that finds its end, so a segment's
    /// bytes are read once to cut it, eight at a time: a word holding neither delimiter (most of
    /// a name, an address, a code) is passed over with a few instructions instead of a compare
    /// and a branch per byte.
    init(file: X12Source.Bytes, start: Int, limit: Int, delimiters: Delimiters) {
        self.file = file
        self.delimiters = delimiters
        var cut = Cut(start: start)
        var index = start
        var ended = false
        if let base = file.baseAddress {
            let elementLanes = ByteLanes.filled(delimiters.element)
            let segmentLanes = ByteLanes.filled(delimiters.segment)
            words: while index &+ 8 <= limit {
                let word = ByteLanes.load(base + index)
                var found = ByteLanes.zero(word ^ elementLanes) | ByteLanes.zero(word ^ segmentLanes)
                while found != 0 {
                    let at = index &+ found.trailingZeroBitCount &>> 3
                    if file[at] == delimiters.segment {
                        index = at
                        ended = true
                        break words
                    }
                    cut.record(at)
                    found &= found &- 1
                }
                index &+= 8
            }
        }
        while !ended, index < limit {
            let byte = file[index]
            if byte == delimiters.segment { break }
            if byte == delimiters.element { cut.record(index) }
            index += 1
        }
        range = start..<index
        separators = cut.separators
        recordedSeparators = UInt8(truncatingIfNeeded: cut.recorded)
        hasUnrecordedSeparators = cut.hasUnrecorded
        id = Self.tag(file, start, cut.tagEnd(file: file, delimiters: delimiters, end: index))
    }

    /// The tag in `file[start..<end]`: a tag of one to three bytes with four to read from its
    /// start (its separator at least follows it) is read as one word, byte-swapped so that its
    /// first byte is the highest, as `SegmentID` packs it.
    @inline(__always) private static func tag(_ file: X12Source.Bytes, _ start: Int, _ end: Int) -> SegmentID {
        let length = end &- start
        guard (1...3).contains(length), start &+ 4 <= file.count, let base = file.baseAddress else {
            return SegmentID(bytes: file[start..<end])
        }
        let word = UInt32(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self))
        return SegmentID(rawValue: word.byteSwapped &>> UInt32(truncatingIfNeeded: 32 &- 8 &* length))
    }

    /// The separators found while a segment is cut.
    private struct Cut {
        let start: Int
        var separators = SeparatorOffsets(repeating: 0)
        var recorded = 0
        var hasUnrecorded = false

        init(start: Int) { self.start = start }

        /// Offsets only grow, so once one is not recorded (the array full, or past 16 bits) none
        /// after it is: no flag to test on the way, one compare of each bound.
        @inline(__always) mutating func record(_ index: Int) {
            let offset = index &- start
            if recorded < separators.count, offset <= Int(UInt16.max) {
                separators[unchecked: recorded] = UInt16(truncatingIfNeeded: offset)
                recorded &+= 1
            } else {
                hasUnrecorded = true
            }
        }

        /// Where the tag ends: at the first separator, else at `end` (a segment of a tag alone).
        func tagEnd(file: X12Source.Bytes, delimiters: Delimiters, end: Int) -> Int {
            if recorded > 0 { return start &+ Int(separators[unchecked: 0]) }
            guard hasUnrecorded else { return end }
            // The first separator lies more than 64 KB in: found again by scanning (never in practice).
            var index = start
            while file[index] != delimiters.element { index += 1 }
            return index
        }
    }

    /// The element at X12 position `position` (1-based); empty when the segment has fewer.
    @inlinable public subscript(position: Int) -> Element {
        Element(file: file, range: elementRange(position), delimiters: delimiters)
    }

    /// The bytes of the element at X12 position `position` (1-based) in `file`; an empty range at
    /// the segment's end when the segment has fewer. Found from the separators recorded when the
    /// segment was cut, without reading its bytes again.
    ///
    /// Inlinable, like the element accessors below: readers and checks call them a few hundred
    /// times a claim, mostly with a literal position, and a call into this module cost more
    /// than the look-up.
    @inlinable public func elementRange(_ position: Int) -> Range<Int> {
        let recorded = Int(recordedSeparators)
        guard position >= 1 else { return range.upperBound..<range.upperBound }
        if position <= recorded {
            // Unchecked: `recorded` never exceeds the separators' capacity (see `Cut.record`), and
            // an offset within the segment cannot overflow its start. Read through a span of a
            // local copy: the array's own subscript copied all of it out of the segment for
            // every read, and a span of the stored array copied the whole segment for every call
            // not inlined (about 500 instructions a claim).
            let separators = self.separators
            let offsets = separators.span
            let start = range.lowerBound &+ Int(offsets[unchecked: position &- 1]) &+ 1
            if position < recorded { return start..<range.lowerBound &+ Int(offsets[unchecked: position]) }
            return start..<(hasUnrecordedSeparators ? nextSeparator(from: start) : range.upperBound)
        }
        guard hasUnrecordedSeparators else { return range.upperBound..<range.upperBound }
        return unrecordedElementRange(position)
    }

    /// `elementRange` past the recorded separators: counted on from the last one (rare, so kept
    /// out of line).
    @usableFromInline func unrecordedElementRange(_ position: Int) -> Range<Int> {
        let recorded = Int(recordedSeparators)
        var index = recorded == 0 ? range.lowerBound : range.lowerBound + Int(separators[recorded - 1]) + 1
        var current = recorded
        while index < range.upperBound {
            if file[index] == delimiters.element {
                current += 1
                if current == position { return (index + 1)..<nextSeparator(from: index + 1) }
            }
            index += 1
        }
        return range.upperBound..<range.upperBound
    }

    @usableFromInline func nextSeparator(from start: Int) -> Int {
        var end = start
        while end < range.upperBound, file[end] != delimiters.element { end += 1 }
        return end
    }

    /// Number of elements after the tag, trailing empty ones included as sent. Inlinable, like
    /// `elementRange`: the checker asks it of every segment.
    @inlinable public var elementCount: Int {
        hasUnrecordedSeparators ? countedElements() : Int(recordedSeparators)
    }

    /// `elementCount` of a segment with more separators than recorded, counted (rare).
    @usableFromInline func countedElements() -> Int {
        var count = 0
        for index in range where file[index] == delimiters.element { count += 1 }
        return count
    }

    /// Every element, position 1 first.
    public var elements: [Element] { (0..<elementCount).map { self[$0 + 1] } }

    /// The segment as written, for diagnostics and tests (never log it: it can hold PHI).
    public var text: String { String(decoding: file[range], as: UTF8.self) }
}

/// One element (or a component or repetition of one): a view into the file's bytes, valid as
/// long as the segment it was cut from.
public struct Element: @unchecked Sendable {
    /// Every byte of the file, as in `Segment.file`.
    public let file: X12Source.Bytes
    public let range: Range<Int>
    public let delimiters: Delimiters

    @usableFromInline init(file: X12Source.Bytes, range: Range<Int>, delimiters: Delimiters) {
        self.file = file
        self.range = range
        self.delimiters = delimiters
    }

    @inlinable public var isEmpty: Bool { range.isEmpty }
    @inlinable public var count: Int { range.count }
    /// The value as text, ill-formed UTF-8 repaired as `String(decoding:as:)` would. Short ASCII
    /// values are made in the small-string form directly (see `SmallASCIIString`); others in
    /// place: `String(decoding:as:)` cost about 50 instructions more a value.
    @inlinable @inline(__always) public var string: String { SmallASCIIString.make(file, range) ?? longString }

    /// `string` for values `SmallASCIIString` does not make, out of line.
    @usableFromInline var longString: String {
        let bytes = file[range]
        return String(unsafeUninitializedCapacity: bytes.count) { $0.initialize(fromContentsOf: bytes) }
    }
    /// The value, or nil when the element is empty.
    @inlinable @inline(__always) public var value: String? { isEmpty ? nil : string }
    @inlinable public var bytes: X12Source.ByteSlice { file[range] }

    /// Component at 1-based `position` of a composite (`SV101-2` is `self.component(2)`).
    @inlinable public func component(_ position: Int) -> Element { split(on: delimiters.component, position) }

    /// Components of a composite, empty ones included.
    public var components: [Element] { parts(on: delimiters.component) }

    /// The components one after another, each found where the last ended: reading several by
    /// position scanned the composite again from its start for each (an SV101 is read seven
    /// times a line).
    @inlinable public var componentReader: ComponentReader { ComponentReader(self) }

    /// Repetitions of a repeating element.
    public var repetitions: [Element] {
        delimiters.repetition == 0 ? [self] : parts(on: delimiters.repetition)
    }

    /// Whether the bytes equal `literal` (ASCII), without building a String.
    @inlinable public func equals(_ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == range.count else { return false }
        return literal.withUTF8Buffer { literalBytes in
            var index = range.lowerBound
            for byte in literalBytes {
                if file[index] != byte { return false }
                index += 1
            }
            return true
        }
    }

    @inlinable func split(on separator: UInt8, _ position: Int) -> Element {
        var start = range.lowerBound
        var current = 1
        var index = range.lowerBound
        while index < range.upperBound {
            if file[index] == separator {
                if current == position { break }
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == position else {
            return Element(file: file, range: range.upperBound..<range.upperBound, delimiters: delimiters)
        }
        return Element(file: file, range: start..<index, delimiters: delimiters)
    }

    private func parts(on separator: UInt8) -> [Element] {
        guard !isEmpty else { return [] }
        var result: [Element] = []
        var start = range.lowerBound
        for index in range where file[index] == separator {
            result.append(Element(file: file, range: start..<index, delimiters: delimiters))
            start = index + 1
        }
        result.append(Element(file: file, range: start..<range.upperBound, delimiters: delimiters))
        return result
    }
}

/// Reads a composite's components in order without an array (see `Element.componentReader`).
public struct ComponentReader {
    @usableFromInline let composite: Element
    /// Where the next component starts; past the composite's end once the last was read.
    @usableFromInline var start: Int

    @inlinable init(_ composite: Element) {
        self.composite = composite
        start = composite.range.lowerBound
    }

    /// Whether every component has been read (an empty composite has one, empty).
    @inlinable public var isAtEnd: Bool { start > composite.range.upperBound }

    /// The next component; empty once every one has been read, as `component(_:)` reads a
    /// position past the last.
    @inlinable public mutating func next() -> Element {
        let end = composite.range.upperBound
        guard start <= end else {
            return Element(file: composite.file, range: end..<end, delimiters: composite.delimiters)
        }
        var index = start
        while index < end, composite.file[index] != composite.delimiters.component { index += 1 }
        defer { start = index + 1 }
        return Element(file: composite.file, range: start..<index, delimiters: composite.delimiters)
    }
}
