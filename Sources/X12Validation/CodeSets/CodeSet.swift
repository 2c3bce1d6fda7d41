import ClaimsCore

/// One external code set (ICD-10-CM, HCPCS Level II, place of service…) with the dates each code
/// is valid, loaded once and looked up in O(1) without allocating.
///
/// A code's validity is judged on a date: medical code sets on the date of service, the others on
/// the date the claim is processed (HHS, 45 CFR 162.1000). A date before the set's `effective`
/// date is outside what the file describes: a code absent from it is then `.notCovered`, not
/// invalid, because it may have been terminated before the file's release.
public struct CodeSet: Sendable {
    public struct Metadata: Sendable, Equatable {
        public var kind: String
        public var version: String
        /// First date the file fully describes.
        public var effective: CalendarDate?
        public var source: String

        public init(kind: String, version: String = "", effective: CalendarDate? = nil, source: String = "") {
            self.kind = kind
            self.version = version
            self.effective = effective
            self.source = source
        }
    }

    /// Per-code attributes carried in the file's FLAGS column.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `H`: a category or header, not billable (ICD-10-CM).
        public static let header = Flags(rawValue: 1 << 0)
        /// `N`: not otherwise classified: the claim must describe the service (HCPCS).
        public static let notOtherwiseClassified = Flags(rawValue: 1 << 1)
        /// `C`: Canadian province (states).
        public static let canadian = Flags(rawValue: 1 << 2)
    }

    public enum Lookup: Sendable, Equatable {
        case valid(Flags)
        /// Known, but not valid on the date asked (added later or terminated before).
        case notValidOnDate
        /// Not in the set.
        case unknown
        /// The date precedes what the file describes and the code is absent: cannot judge.
        case notCovered
    }

    /// Validity of one code from `from` to `to` (`yyyymmdd` integers, inclusive).
    struct Span: Sendable, Equatable {
        var flags: Flags
        var from: Int32
        var to: Int32

        static let always = (from: Int32(0), to: Int32.max)
    }

    public var metadata: Metadata
    var spans: CodeTable<Span>
    /// Second and later spans of codes that were terminated and re-added.
    var extraSpans: [CodeKey: [Span]]

    public init(metadata: Metadata) {
        self.metadata = metadata
        spans = CodeTable()
        extraSpans = [:]
    }

    public var count: Int { spans.count }
    public var isEmpty: Bool { spans.isEmpty }

    /// The code's standing on `date` (nil: today's release, ignoring dates).
    public func lookup(_ code: String, on date: CalendarDate? = nil) -> Lookup {
        lookups(code, on: date).onDate
    }

    /// The code's standing on `date` and, from the same look-up, ignoring dates: edits that ask
    /// both of a code (HCPCS on the date of service, and whether it is a NOC code) hash it once.
    public func lookups(_ code: String, on date: CalendarDate?) -> (onDate: Lookup, anyDate: Lookup) {
        guard !spans.isEmpty else { return (.notCovered, .notCovered) }
        guard let key = CodeKey(code), let span = spans[key] else {
            if let date, let effective = metadata.effective, date < effective { return (.notCovered, .unknown) }
            return (.unknown, .unknown)
        }
        guard let date else { return (.valid(span.flags), .valid(span.flags)) }
        let day = Self.day(date)
        if span.from <= day && day <= span.to { return (.valid(span.flags), .valid(span.flags)) }
        if let more = extraSpans[key], let match = more.first(where: { $0.from <= day && day <= $0.to }) {
            return (.valid(match.flags), .valid(span.flags))
        }
        return (.notValidOnDate, .valid(span.flags))
    }

    /// Whether `code` is in the set at all.
    public func contains(_ code: String) -> Bool {
        guard let key = CodeKey(code) else { return false }
        return spans[key] != nil
    }

    mutating func insert(_ key: CodeKey, _ span: Span) {
        if spans[key] == nil {
            spans[key] = span
        } else {
            extraSpans[key, default: []].append(span)
        }
    }

    static func day(_ date: CalendarDate) -> Int32 { Int32(date.year * 10_000 + date.month * 100 + date.day) }
}
