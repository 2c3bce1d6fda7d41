import X12
import X12Schema

/// A SNIP 1–2 error pinned to a segment of a transaction set: what a 999 reports in IK3/IK4.
public struct SegmentFinding: Sendable, Hashable {
    /// Catalog id of the edit that fired (`SEG-002`).
    public var editID: String
    public var segmentID: SegmentID
    /// Counted from ST = 1 (IK302).
    public var position: Int
    /// The guide's loop id; the 999 carries its first four characters (IK303).
    public var loopID: String
    /// IK304.
    public var segmentCode: String
    /// Element-level detail (IK4), when the error is inside the segment.
    public var elements: [ElementFinding]
    /// Index, in the parsed transaction set, of the one claim the error belongs to; nil when it
    /// sits in a loop shared by several claims (or none).
    public var claimIndex: Int?
    /// Plain-language reason, free of data values.
    public var message: String

    public init(
        editID: String, segmentID: SegmentID, position: Int, loopID: String, segmentCode: String,
        elements: [ElementFinding] = [], claimIndex: Int? = nil, message: String
    ) {
        self.editID = editID
        self.segmentID = segmentID
        self.position = position
        self.loopID = loopID
        self.segmentCode = segmentCode
        self.elements = elements
        self.claimIndex = claimIndex
        self.message = message
    }
}

/// An element error inside a segment (IK4).
public struct ElementFinding: Sendable, Hashable {
    public var position: Int
    public var component: Int?
    /// Data element reference number (IK402).
    public var reference: String?
    /// IK403.
    public var code: String
    /// Catalog id of the edit that fired (`ELE-007`, `SUB-013`); nil for findings built by hand.
    public var editID: String?

    public init(position: Int, component: Int? = nil, reference: String? = nil, code: String, editID: String? = nil) {
        self.position = position
        self.component = component
        self.reference = reference
        self.code = code
        self.editID = editID
    }
}
