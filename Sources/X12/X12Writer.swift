/// Builds outbound X12 (acknowledgments, generated test files) segment by segment, counting the
/// segments of the open transaction set so that SE01 is always right.
public struct X12Writer: Sendable {
    public let delimiters: Delimiters
    public private(set) var bytes: [UInt8] = []
    /// Segments written since the last `ST`, the ST included.
    public private(set) var transactionSetSegmentCount = 0
    /// Whether a line break follows each terminator (easier to read; X12 readers skip it).
    public var lineBreaks: Bool

    public init(delimiters: Delimiters = .standard, lineBreaks: Bool = true) {
        self.delimiters = delimiters
        self.lineBreaks = lineBreaks
    }

    /// Appends a segment; trailing empty elements are dropped, as X12 requires.
    public mutating func segment(_ id: String, _ elements: [String]) {
        var count = elements.count
        while count > 0, elements[count - 1].isEmpty { count -= 1 }
        bytes.append(contentsOf: id.utf8)
        for element in elements[..<count] {
            bytes.append(delimiters.element)
            bytes.append(contentsOf: element.utf8)
        }
        bytes.append(delimiters.segment)
        if lineBreaks { bytes.append(0x0A) }
        if id == "ST" { transactionSetSegmentCount = 0 }
        transactionSetSegmentCount += 1
    }

    public mutating func segment(_ id: String, _ elements: String...) { segment(id, elements) }

    /// Joins components with the component separator, dropping trailing empty ones.
    public func composite(_ components: String...) -> String { composite(components) }

    /// Joins components with the component separator, dropping trailing empty ones.
    public func composite(_ components: [String]) -> String {
        var parts = components
        while let last = parts.last, last.isEmpty { parts.removeLast() }
        return parts.joined(separator: String(UnicodeScalar(delimiters.component)))
    }

    /// Writes the fixed-width ISA header (fields padded to their widths).
    public mutating func interchangeHeader(_ header: InterchangeHeaderFields) {
        segment(
            "ISA",
            [
                "00", pad("", 10), "00", pad("", 10),
                header.senderQualifier, pad(header.senderID, 15),
                header.receiverQualifier, pad(header.receiverID, 15),
                header.date, header.time,
                String(UnicodeScalar(delimiters.repetition)), "00501",
                header.controlNumber, header.acknowledgmentRequested ? "1" : "0", header.usageIndicator,
                String(UnicodeScalar(delimiters.component)),
            ])
    }

    private func pad(_ value: String, _ width: Int) -> String {
        value.count >= width ? String(value.prefix(width)) : value + String(repeating: " ", count: width - value.count)
    }
}

/// What an outbound ISA carries.
public struct InterchangeHeaderFields: Sendable {
    public var senderQualifier: String
    public var senderID: String
    public var receiverQualifier: String
    public var receiverID: String
    /// YYMMDD.
    public var date: String
    /// HHMM.
    public var time: String
    /// Nine digits.
    public var controlNumber: String
    public var acknowledgmentRequested: Bool
    /// `P` or `T`.
    public var usageIndicator: String

    public init(
        senderQualifier: String, senderID: String, receiverQualifier: String, receiverID: String,
        date: String, time: String, controlNumber: String, acknowledgmentRequested: Bool = false,
        usageIndicator: String
    ) {
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.date = date
        self.time = time
        self.controlNumber = controlNumber
        self.acknowledgmentRequested = acknowledgmentRequested
        self.usageIndicator = usageIndicator
    }
}
