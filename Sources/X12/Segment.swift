/// One segment of an X12 file: a view into the file's bytes (no copy), without its terminator.
///
/// Element positions follow X12 numbering: `segment[1]` is the first element after the tag
/// (`CLM01`), and a position past the last element reads as empty, as X12 treats trailing
/// omitted elements.
public struct Segment: Sendable {
    public let source: X12Source
    /// Byte range of the segment in `source`, tag included, terminator excluded.
    public let range: Range<Int>
    public let id: SegmentID
    public let delimiters: Delimiters

    public init(source: X12Source, range: Range<Int>, delimiters: Delimiters) {
        self.source = source
        self.range = range
        self.delimiters = delimiters
        var tagEnd = range.lowerBound
        while tagEnd < range.upperBound, source.bytes[tagEnd] != delimiters.element { tagEnd += 1 }
        id = SegmentID(bytes: source.bytes[range.lowerBound..<tagEnd])
    }

    /// The element at X12 position `position` (1-based); empty when the segment has fewer.
    public subscript(position: Int) -> Element {
        let bytes = source.bytes
        var index = range.lowerBound
        var current = 0
        while index < range.upperBound {
            if bytes[index] == delimiters.element {
                current += 1
                if current == position {
                    var end = index + 1
                    while end < range.upperBound, bytes[end] != delimiters.element { end += 1 }
                    return Element(source: source, range: (index + 1)..<end, delimiters: delimiters)
                }
            }
            index += 1
        }
        return Element(source: source, range: range.upperBound..<range.upperBound, delimiters: delimiters)
    }

    /// Number of elements after the tag, trailing empty ones included as sent.
    public var elementCount: Int {
        var count = 0
        for index in range where source.bytes[index] == delimiters.element { count += 1 }
        return count
    }

    /// Every element, position 1 first.
    public var elements: [Element] { (0..<elementCount).map { self[$0 + 1] } }

    /// The segment as written, for diagnostics and tests (never log it: it can hold PHI).
    public var text: String { String(decoding: source.bytes[range], as: UTF8.self) }
}

/// One element (or a component or repetition of one): a view into the file's bytes.
public struct Element: Sendable {
    public let source: X12Source
    public let range: Range<Int>
    public let delimiters: Delimiters

    public var isEmpty: Bool { range.isEmpty }
    public var count: Int { range.count }
    public var string: String { String(decoding: source.bytes[range], as: UTF8.self) }
    /// The value, or nil when the element is empty.
    public var value: String? { isEmpty ? nil : string }
    public var bytes: X12Source.ByteSlice { source.bytes[range] }

    /// Component at 1-based `position` of a composite (`SV101-2` is `self.component(2)`).
    public func component(_ position: Int) -> Element { split(on: delimiters.component, position) }

    /// Components of a composite, empty ones included.
    public var components: [Element] { parts(on: delimiters.component) }

    /// Repetitions of a repeating element.
    public var repetitions: [Element] {
        delimiters.repetition == 0 ? [self] : parts(on: delimiters.repetition)
    }

    public var componentCount: Int {
        isEmpty ? 0 : 1 + source.bytes[range].lazy.filter { $0 == delimiters.component }.count
    }

    /// Whether the bytes equal `literal` (ASCII), without building a String.
    public func equals(_ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == range.count else { return false }
        return literal.withUTF8Buffer { literalBytes in
            var index = range.lowerBound
            for byte in literalBytes {
                if source.bytes[index] != byte { return false }
                index += 1
            }
            return true
        }
    }

    private func split(on separator: UInt8, _ position: Int) -> Element {
        var start = range.lowerBound
        var current = 1
        var index = range.lowerBound
        while index < range.upperBound {
            if source.bytes[index] == separator {
                if current == position { break }
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == position else {
            return Element(source: source, range: range.upperBound..<range.upperBound, delimiters: delimiters)
        }
        return Element(source: source, range: start..<index, delimiters: delimiters)
    }

    private func parts(on separator: UInt8) -> [Element] {
        guard !isEmpty else { return [] }
        var result: [Element] = []
        var start = range.lowerBound
        for index in range where source.bytes[index] == separator {
            result.append(Element(source: source, range: start..<index, delimiters: delimiters))
            start = index + 1
        }
        result.append(Element(source: source, range: start..<range.upperBound, delimiters: delimiters))
        return result
    }
}
