/// A segment's element rules flattened into plain values in position order, for the element
/// checker, which reads one for every element of every segment (SNIP 1–2): no reference counting,
/// no optional definition to unwrap, and an end past which nothing more can be wrong.
public struct ElementPlan: Sendable {
    /// One check per simple element; a composite's check is followed by one for each component
    /// it defines, in component order (the checker takes the n-th component found as the n-th).
    public let checks: [ValueCheck]
    /// The last position the guide requires: past it and past the last element sent, nothing
    /// more can be wrong.
    public let lastRequiredPosition: Int
    /// Positions the segment defines (an element sent beyond them is an error).
    public let positionCount: Int
    /// The positions the segment's syntax notes name, as bits (see `SyntaxNote.mask`): the only
    /// ones whose presence the notes need.
    public let notedPositions: UInt64

    init(_ rules: [ElementRule], notes: [SyntaxNote]) {
        var checks: [ValueCheck] = []
        for rule in rules {
            checks.append(ValueCheck(rule, position: rule.position, component: 0))
            for part in rule.components { checks.append(ValueCheck(part, position: rule.position, component: part.position)) }
        }
        self.checks = checks
        lastRequiredPosition = rules.last { $0.usage == .required }?.position ?? 0
        positionCount = rules.count
        notedPositions = notes.reduce(0) { $0 | $1.mask }
    }
}

/// What to check of one element or component value, without reference counting.
public struct ValueCheck: Sendable {
    public enum Kind: UInt8, Sendable {
        case composite, text, numeric, decimal, date, time
    }

    /// The element's position in the segment (for a component, its composite's).
    public let position: Int32
    /// 1-based position in the composite; 0 for a simple element or the composite itself.
    public let component: Int32
    /// For a composite: how many component checks follow this one.
    public let componentCount: Int32
    public let minLength: Int32
    public let maxLength: Int32
    public let kind: Kind
    public let usage: Usage
    /// Whether the element may not repeat (a repetition separator in it is an error).
    public let isSingle: Bool
    public let hasCodes: Bool
    /// Whether every listed code passes the type and length checks and holds only letters and
    /// digits, which no separator can be: a value found in the list is then valid as it stands,
    /// and the checker looks it up first instead of reading it for its type as well.
    public let codesAreValidValues: Bool
    public let isNineDigits: Bool
    /// The rule itself, for its code list and for building a finding; the schema keeps it alive.
    public let rule: Unmanaged<ElementRule>

    /// `position` is the element's; a component's rule holds its place in the composite.
    init(_ rule: ElementRule, position: Int, component: Int) {
        self.position = Int32(position)
        self.component = Int32(component)
        componentCount = Int32(rule.components.count)
        minLength = Int32(rule.element?.minLength ?? 0)
        maxLength = Int32(rule.element?.maxLength ?? 0)
        kind =
            switch rule.element?.type {
            case nil: .composite
            case .string, .identifier: .text
            case .numeric: .numeric
            case .decimal: .decimal
            case .date: .date
            case .time: .time
            }
        usage = rule.usage
        isSingle = rule.repeatCount == 1
        hasCodes = rule.codes != nil
        isNineDigits = rule.pattern == .nineDigits
        codesAreValidValues =
            !isNineDigits && minLength <= maxLength
            && (rule.codes?.values.allSatisfy { [kind, minLength, maxLength] in
                Self.passesChecks($0, kind: kind, length: minLength...maxLength)
            } ?? false)
        self.rule = Unmanaged.passUnretained(rule)
    }

    /// Whether the checks pass `code` as it stands: of the element's length and type (text, or
    /// digits for a number), and only letters and digits, which no separator can be.
    private static func passesChecks(_ code: String, kind: Kind, length: ClosedRange<Int32>) -> Bool {
        let bytes = code.utf8
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        let typed =
            switch kind {
            case .text: bytes.allSatisfy { isDigit($0) || isLetter($0) }
            case .numeric, .decimal: bytes.allSatisfy(isDigit)
            case .composite, .date, .time: false
            }
        return typed && length.contains(Int32(bytes.count))
    }
}
