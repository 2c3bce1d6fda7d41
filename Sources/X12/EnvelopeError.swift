/// Why an interchange header could not be read at all. Each maps to the TA1 note code (TA105) a
/// trading partner receives, so the sender learns exactly which part of the envelope to fix.
public enum EnvelopeError: Error, Sendable, Hashable {
    case missingISA
    case truncatedISA
    case malformedISA
    case invalidElementSeparator
    case invalidComponentSeparator
    case invalidSegmentTerminator

    /// TA105 interchange note code.
    public var ta1NoteCode: String {
        switch self {
        case .missingISA, .malformedISA: "024"
        case .truncatedISA: "023"
        case .invalidElementSeparator: "026"
        case .invalidComponentSeparator: "027"
        case .invalidSegmentTerminator: "004"
        }
    }

    /// Readable reason, free of data values.
    public var reason: String {
        switch self {
        case .missingISA: "the file does not start with an ISA interchange header"
        case .truncatedISA: "the file ends inside the 106-byte ISA interchange header"
        case .malformedISA: "the ISA header does not have its 16 fixed-width elements"
        case .invalidElementSeparator: "the ISA element separator is a letter, digit, space or control byte"
        case .invalidComponentSeparator: "ISA16 (component separator) is invalid or repeats another separator"
        case .invalidSegmentTerminator: "the segment terminator after ISA16 is invalid or repeats another separator"
        }
    }
}
