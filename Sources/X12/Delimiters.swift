/// The four separators an interchange declares in its fixed-width ISA segment.
///
/// X12 never fixes them: the element separator is the byte right after `ISA`, the repetition
/// separator is ISA11, the component separator is ISA16 and the segment terminator is the byte
/// after ISA16. Reading them by position (never by searching for `*` or `~`) is what lets files with
/// unusual separators, or with `ISA` inside data (`NM1*IL*1*ISAAC`), parse correctly.
public struct Delimiters: Sendable, Hashable {
    public var element: UInt8
    public var repetition: UInt8
    public var component: UInt8
    public var segment: UInt8

    public init(element: UInt8, repetition: UInt8, component: UInt8, segment: UInt8) {
        self.element = element
        self.repetition = repetition
        self.component = component
        self.segment = segment
    }

    /// `*`, `^`, `:`, `~`: what the gateway writes in its own acknowledgments.
    public static let standard = Delimiters(
        element: UInt8(ascii: "*"), repetition: UInt8(ascii: "^"),
        component: UInt8(ascii: ":"), segment: UInt8(ascii: "~"))

    /// Length of an ISA segment up to and including its terminator.
    public static let isaLength = 106

    /// Reads the separators from the ISA at the start of `bytes` (after an optional UTF-8 byte order
    /// mark and leading whitespace, which `ISAHeaderLocator` skips).
    public init(isa bytes: UnsafeBufferPointer<UInt8>) throws(EnvelopeError) {
        guard bytes.count >= Delimiters.isaLength else { throw .truncatedISA }
        guard bytes[0] == UInt8(ascii: "I"), bytes[1] == UInt8(ascii: "S"), bytes[2] == UInt8(ascii: "A") else {
            throw .missingISA
        }
        let element = bytes[3]
        // The 16 ISA elements sit at fixed offsets; every separator position must hold `element`.
        for offset in Delimiters.isaSeparatorOffsets where bytes[offset] != element {
            throw .malformedISA
        }
        // 4010-era files put `U` (a standards id) in ISA11; a letter can never split data.
        let repetition = Delimiters.isSeparator(bytes[82]) ? bytes[82] : 0
        let component = bytes[104]
        let terminator = bytes[105]
        self.init(element: element, repetition: repetition, component: component, segment: terminator)
        guard Delimiters.isSeparator(element) else { throw .invalidElementSeparator }
        guard Delimiters.isSeparator(component), component != element else { throw .invalidComponentSeparator }
        guard Delimiters.isSeparator(terminator) || terminator == 0x0A || terminator == 0x0D,
            terminator != element, terminator != component
        else { throw .invalidSegmentTerminator }
    }

    /// Offsets, from the start of the ISA, of the 16 element separators in its fixed layout.
    static let isaSeparatorOffsets = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103]

    /// A separator must not be a letter, digit or space: those occur in data.
    static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: " "):
            return false
        default:
            return byte >= 0x20 && byte < 0x7F
        }
    }
}
