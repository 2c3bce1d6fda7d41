/// One data element in error inside a segment: a 999 IK4 (loop 2110).
public struct ElementError: Sendable, Hashable {
    /// IK401-1: the element's position in the segment (NM109 → 9).
    public var position: Int
    /// IK401-2: the component's position inside a composite (SV101-2 → 2), nil for a simple element.
    public var component: Int?
    /// IK401-3: which repetition (1-based) of a repeating element, nil when it does not repeat.
    public var repetition: Int?
    /// IK402: the data element reference number (`1251` for a date), when known.
    public var reference: String?
    /// IK403: implementation data element syntax error code (`1`, `7`, `8`, `I6`, …).
    public var code: String
    /// IK404: a copy of the bad value, for errors about a value that is present. Left out of the
    /// 999 when it cannot be copied faithfully (longer than 99, or holding a delimiter).
    public var badValue: String?

    public init(
        position: Int, component: Int? = nil, repetition: Int? = nil, reference: String? = nil, code: String,
        badValue: String? = nil
    ) {
        self.position = position
        self.component = component
        self.repetition = repetition
        self.reference = reference
        self.code = code
        self.badValue = badValue
    }
}
