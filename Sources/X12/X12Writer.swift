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

    /// Empty elements passed to `element` and not yet written: written only when a non-empty
    /// one follows, so that trailing empty elements are dropped.
    private var pendingSeparators = 0

    /// Appends a segment; trailing empty elements are dropped, as X12 requires.
    public mutating func segment(_ id: String, _ elements: [String]) {
        open(id)
        for value in elements { element(value) }
        close()
    }

    // MARK: Element by element, for segments written once per claim: no array of elements and
    // no string per composite, as the variadic `segment` needs.

    /// Starts segment `id`; `element` adds to it, `close` ends it.
    public mutating func open(_ id: String) {
        if id == "ST" { transactionSetSegmentCount = 0 }
        bytes.append(contentsOf: id.utf8)
        pendingSeparators = 0
    }

    /// The next element of the open segment (empty: held back until a non-empty one follows).
    public mutating func element(_ value: String) {
        pendingSeparators += 1
        guard !value.isEmpty else { return }
        writePendingSeparators()
        bytes.append(contentsOf: value.utf8)
    }

    /// The next element of the open segment, a composite of up to three components (trailing
    /// empty ones dropped).
    public mutating func element(components first: String, _ second: String, _ third: String = "") {
        pendingSeparators += 1
        let components = third.isEmpty ? (second.isEmpty ? (first.isEmpty ? 0 : 1) : 2) : 3
        guard components > 0 else { return }
        writePendingSeparators()
        bytes.append(contentsOf: first.utf8)
        guard components > 1 else { return }
        bytes.append(delimiters.component)
        bytes.append(contentsOf: second.utf8)
        guard components > 2 else { return }
        bytes.append(delimiters.component)
        bytes.append(contentsOf: third.utf8)
    }

    /// Ends the open segment.
    public mutating func close() {
        bytes.append(delimiters.segment)
        if lineBreaks { bytes.append(0x0A) }
        transactionSetSegmentCount += 1
    }

    private mutating func writePendingSeparators() {
        for _ in 0..<pendingSeparators { bytes.append(delimiters.element) }
        pendingSeparators = 0
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
