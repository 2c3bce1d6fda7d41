/// Walks the segments of one interchange's bytes, one terminator at a time, without copying.
///
/// Line breaks and indentation between segments are tolerated (files are often wrapped at each
/// terminator, or use CR/LF as the terminator itself); they are never part of a segment.
public struct SegmentScanner: IteratorProtocol, Sendable {
    public let source: X12Source
    public let delimiters: Delimiters
    /// Offset of the next byte to read.
    public internal(set) var offset: Int

    public init(source: X12Source, delimiters: Delimiters, offset: Int) {
        self.source = source
        self.delimiters = delimiters
        self.offset = offset
    }

    public mutating func next() -> Segment? {
        let bytes = source.bytes
        var start = offset
        while start < bytes.count, SegmentScanner.isLayout(bytes[start]) { start += 1 }
        guard start < bytes.count else {
            offset = start
            return nil
        }
        let segment = Segment(file: bytes, start: start, limit: bytes.count, delimiters: delimiters)
        let end = segment.range.upperBound
        offset = end < bytes.count ? end + 1 : end
        return segment
    }

    /// The tag of the next segment, without consuming it (nil at the end): read up to the first
    /// element separator, as `Segment` reads it.
    public func peekID() -> SegmentID? {
        let bytes = source.bytes
        let start = nextSegmentStart
        guard start < bytes.count else { return nil }
        var end = start
        while end < bytes.count, end - start <= 3, bytes[end] != delimiters.element, bytes[end] != delimiters.segment {
            end += 1
        }
        return SegmentID(bytes: bytes[start..<end])
    }

    /// Peeks whether the next segment starts with `ISA`, without consuming it.
    public func atInterchangeHeader() -> Bool {
        let bytes = source.bytes
        var start = offset
        while start < bytes.count, SegmentScanner.isLayout(bytes[start]) { start += 1 }
        return start + 3 <= bytes.count && bytes[start] == UInt8(ascii: "I") && bytes[start + 1] == UInt8(ascii: "S")
            && bytes[start + 2] == UInt8(ascii: "A")
    }

    /// Offset of the next non-layout byte (where the next segment would start).
    public var nextSegmentStart: Int {
        var start = offset
        while start < source.bytes.count, SegmentScanner.isLayout(source.bytes[start]) { start += 1 }
        return start
    }

    /// Whether `byte` is layout between segments (a line break, a space, a tab).
    public static func isLayout(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09
    }
}
