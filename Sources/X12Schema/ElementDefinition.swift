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
    /// `positions` as bits (bit n for position n), tested against the bits of the elements a
    /// segment sent without walking the array.
    public let mask: UInt64
    /// The bit of the first position, which conditional notes test.
    @usableFromInline let firstBit: UInt64

    /// Reads the X12 notation, `P0809` or `L050607`.
    public init(_ notation: String) {
        let characters = Array(notation)
        kind = Kind(rawValue: characters[0])!
        positions = stride(from: 1, to: characters.count, by: 2).map { Int(String(characters[$0...$0 + 1]))! }
        precondition(positions.allSatisfy { $0 < 64 }, "syntax note position beyond 63")
        mask = positions.reduce(0) { $0 | 1 << UInt64($1) }
        firstBit = 1 << UInt64(positions[0])
    }

    /// Whether a segment that sent the positions in `sent` (bit n for position n) keeps the note:
    /// decided on bits, for every segment with notes, without walking `positions`.
    @inlinable public func isKept(by sent: UInt64) -> Bool {
        let present = sent & mask
        let first = firstBit
        switch kind {
        case .paired: return present == 0 || present == mask
        case .required: return present != 0
        case .exclusion: return present.nonzeroBitCount <= 1
        case .conditional: return sent & first == 0 || present == mask
        case .listConditional: return sent & first == 0 || present != first
        }
    }

    /// Where a broken note is reported: the positions it needed that were not sent (the first
    /// for `required`, the second for `listConditional`), or for `exclusion` the second one sent.
    public func faultPositions(sent: UInt64) -> [Int] {
        func isSent(_ position: Int) -> Bool { sent & 1 << UInt64(position) != 0 }
        switch kind {
        case .paired: return positions.filter { !isSent($0) }
        case .required: return [positions[0]]
        case .exclusion: return Array(positions.filter(isSent).dropFirst().prefix(1))
        case .conditional: return positions.dropFirst().filter { !isSent($0) }
        case .listConditional: return [positions[1]]
        }
    }

    public var description: String {
        "\(kind.rawValue)" + positions.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
    }
}
