import X12

/// The values a guide allows at one element position (or that tell a segment's loops apart).
public struct CodeList: Sendable {
    public let values: [String]
    /// Codes of up to `longestKeyed` bytes as `packed` keys, compared as integers: a value is
    /// packed once and the list read as a run of words (one look-up for most values of a claim).
    private let keys: [UInt64]
    /// Longer codes, compared byte by byte.
    private let longCodes: [[UInt8]]
    /// The top byte of a key holds the length.
    private static let longestKeyed = 7

    public init(_ values: [String]) {
        self.values = values
        let codes = values.map { Array($0.utf8) }
        keys = codes.filter { $0.count <= Self.longestKeyed }.map(Self.packed)
        longCodes = codes.filter { $0.count > Self.longestKeyed }
    }

    public func contains(_ value: X12Source.ByteSlice) -> Bool {
        let count = value.count
        if count <= Self.longestKeyed { return keys.contains(Self.key(value)) }
        return longCodes.contains { $0.count == count && $0.elementsEqual(value) }
    }

    /// `packed` for a value: read as the word it starts, where the buffer holds eight bytes from
    /// there, and the bytes past the value masked off.
    @inline(__always) private static func key(_ value: X12Source.ByteSlice) -> UInt64 {
        let count = value.count
        guard let base = value.base.baseAddress, value.startIndex + 8 <= value.base.count else { return packed(value) }
        let bytes = ByteLanes.prefix(ByteLanes.load(base + value.startIndex), count)
        return bytes | UInt64(count) << 56
    }

    /// The bytes (first lowest) with the count in the top byte, so that equal keys mean equal
    /// values; at most `longestKeyed` bytes.
    private static func packed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var key = UInt64(bytes.count) << 56
        var shift: UInt64 = 0
        for byte in bytes {
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }
}

/// One element (or component) position of a segment as the guide uses it: the X12 definition
/// narrowed by the guide's usage and code list.
///
/// A class: the checker's flattened `ValueCheck`s point back to it, unretained, for its code list
/// and for the findings it builds.
public final class ElementRule: Sendable {
    /// 1-based position in the segment (or in the composite, for a component).
    public let position: Int
    /// Data element number or composite id (IK402).
    public let reference: String
    public let usage: Usage
    /// Whether X12 itself makes the element mandatory (`M`).
    public let isMandatory: Bool
    /// Nil for a composite.
    public let element: DataElement?
    public let components: [ElementRule]
    public let repeatCount: Int
    /// Values the guide allows; nil when any value of the right type will do (or the list is an
    /// external code set checked by the business edits).
    public let codes: CodeList?
    /// Catalog id of the edit that reports this position's code or presence errors, when the
    /// catalog has a specific one; nil leaves the generic ELE-/IG- edit.
    public let editID: String?
    /// A format the guide imposes beyond the type (IK403 I12 when violated).
    public let pattern: Pattern?

    public enum Pattern: String, Sendable {
        /// Exactly nine digits (`%9`): social security and employer identification numbers.
        case nineDigits = "9"
    }

    /// Builds the rule for `standard` from its guide notation: a usage letter (`R`, `S`, `N`), then
    /// allowed codes separated by spaces, then optionally `#EDIT-ID`; a composite lists its
    /// components in braces separated by `;` (`R {R HC ER #SVC-001; R; S}`).
    init(position: Int, standard: StandardElement, notation: Substring) {
        self.position = position
        reference = standard.reference
        isMandatory = standard.isMandatory
        element = standard.element
        repeatCount = standard.repeatCount
        let trimmed = notation.drop { $0 == " " }
        precondition(standard.components.isEmpty || !trimmed.contains("{") || trimmed.contains("}"), "unclosed composite")
        usage = Usage(letter: trimmed.first ?? "N")
        var rest = trimmed.dropFirst()
        var parts: [ElementRule] = []
        if let open = rest.firstIndex(of: "{"), let close = rest.lastIndex(of: "}") {
            let inner = rest[rest.index(after: open)..<close].split(separator: ";", omittingEmptySubsequences: false)
            for (index, component) in standard.components.enumerated() {
                let text = index < inner.count ? inner[index] : "N"
                parts.append(ElementRule(position: index + 1, standard: component, notation: text))
            }
            rest = rest[rest.index(after: close)...]
        } else if !standard.components.isEmpty {
            // A composite without braces: its first component required, the rest situational.
            parts = standard.components.enumerated().map { index, component in
                ElementRule(position: index + 1, standard: component, notation: index == 0 ? "R" : "S")
            }
        }
        components = parts
        var values: [String] = []
        var tag: String?
        var format: Pattern?
        for token in rest.split(separator: " ") {
            switch token.first {
            case "#": tag = String(token.dropFirst())
            case "%": format = Pattern(rawValue: String(token.dropFirst()))
            default: values.append(String(token))
            }
        }
        pattern = format
        codes = values.isEmpty ? nil : CodeList(values)
        editID = tag
    }

    /// Not-used rule for a position the guide does not mention.
    convenience init(position: Int, standard: StandardElement) {
        self.init(position: position, standard: standard, notation: "N")
    }
}

extension Usage {
    init(letter: Character) {
        switch letter {
        case "R": self = .required
        case "S": self = .situational
        default: self = .notUsed
        }
    }
}

extension SegmentDefinition {
    /// The guide's rules for every position of this segment, from one notation per position
    /// (missing trailing positions are Not Used).
    func rules(_ notations: [String]) -> [ElementRule] {
        precondition(notations.count <= elements.count, "more guide positions than the segment defines")
        return elements.enumerated().map { index, standard in
            index < notations.count
                ? ElementRule(position: index + 1, standard: standard, notation: Substring(notations[index]))
                : ElementRule(position: index + 1, standard: standard)
        }
    }
}
