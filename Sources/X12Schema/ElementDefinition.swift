/// X12 data element types (X12.6 §3.5): what characters a value may hold and how its length counts.
public enum ElementType: Sendable, Hashable {
    /// `AN`: any characters of the basic and extended character sets.
    case string
    /// `ID`: a code from a list.
    case identifier
    /// `Nn`: digits with `n` implied decimal places (length counts digits only).
    case numeric(decimals: Int)
    /// `R`: digits with an optional explicit decimal point (length counts digits only).
    case decimal
    /// `DT`: `CCYYMMDD`.
    case date
    /// `TM`: `HHMM[SS[d..]]`.
    case time

    /// The X12 abbreviation, for catalogs and reports.
    public var abbreviation: String {
        switch self {
        case .string: "AN"
        case .identifier: "ID"
        case .numeric(let decimals): "N\(decimals)"
        case .decimal: "R"
        case .date: "DT"
        case .time: "TM"
        }
    }
}

/// One data element of the X12 dictionary: its number, type and length bounds.
public struct DataElement: Sendable, Hashable {
    /// Data element reference number (IK402).
    public let reference: String
    public let type: ElementType
    public let minLength: Int
    public let maxLength: Int

    public init(_ reference: String, _ type: ElementType, _ minLength: Int, _ maxLength: Int) {
        self.reference = reference
        self.type = type
        self.minLength = minLength
        self.maxLength = maxLength
    }
}

/// An X12 intra-segment syntax note (X12.6 §3.8.5): a relation between element positions that the
/// standard imposes whatever the guide says.
public struct SyntaxNote: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Character, Sendable, Hashable {
        /// Paired: if any is present, all are.
        case paired = "P"
        /// Required: at least one is present.
        case required = "R"
        /// Exclusion: at most one is present.
        case exclusion = "E"
        /// Conditional: if the first is present, all others are.
        case conditional = "C"
        /// List conditional: if the first is present, at least one of the others is.
        case listConditional = "L"
    }

    public let kind: Kind
    public let positions: [Int]

    /// Reads the X12 notation, `P0809` or `L050607`.
    public init(_ notation: String) {
        let characters = Array(notation)
        kind = Kind(rawValue: characters[0])!
        positions = stride(from: 1, to: characters.count, by: 2).map { Int(String(characters[$0...$0 + 1]))! }
    }

    public var description: String {
        "\(kind.rawValue)" + positions.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
    }
}
