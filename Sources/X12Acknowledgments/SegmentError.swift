/// One segment in error inside a transaction set: a 999 IK3 (loop 2100) with its CTX and IK4s.
public struct SegmentError: Sendable, Hashable {
    /// IK301: the segment id as received (`DMG`, `SV1`).
    public var segmentID: String
    /// IK302: the segment's position counted from ST (ST = 1).
    public var position: Int
    /// IK303: the loop the segment sits in. IK303 holds four characters at most, so the builder
    /// writes the first four: `2010BA` becomes `2010` (pyx12 rejects the full TR3 name).
    public var loopID: String?
    /// IK304: implementation segment syntax error code (`8` when the errors are in its elements).
    public var code: String
    /// CLM01 of the claim the segment belongs to, written as `CTX*CLM01:<value>` so the submitter
    /// (and our 277CA's `A3:684`) can tie the error to one claim. Nil outside a claim.
    public var businessUnit: String?
    public var elementErrors: [ElementError]

    public init(
        segmentID: String, position: Int, loopID: String? = nil, code: String, businessUnit: String? = nil,
        elementErrors: [ElementError] = []
    ) {
        self.segmentID = segmentID
        self.position = position
        self.loopID = loopID
        self.code = code
        self.businessUnit = businessUnit
        self.elementErrors = elementErrors
    }

    /// Whether every code here is an implementation-guide (`I…`) code rather than an X12 syntax one.
    var isImplementationOnly: Bool {
        code.hasPrefix("I") && elementErrors.allSatisfy { $0.code.hasPrefix("I") }
    }
}
