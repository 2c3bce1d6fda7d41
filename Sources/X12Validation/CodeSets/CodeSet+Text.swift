import ClaimsCore

/// The code set file format (Config/codesets/SOURCES.md): `#` header lines (`kind`, `version`,
/// `effective`, `source`), then one code per line, `CODE[<TAB>FLAGS[<TAB>FROM[<TAB>TO]]]`, dates
/// as `CCYYMMDD`; an empty FROM means "since before the file's effective date", an empty TO
/// "still valid".
extension CodeSet {
    public enum ParseError: Error, CustomStringConvertible, Equatable {
        case invalidLine(Int)
        case noCodes

        public var description: String {
            switch self {
            case .invalidLine(let line): "code set line \(line) is not CODE[\\tFLAGS[\\tFROM[\\tTO]]]"
            case .noCodes: "code set file holds no codes"
            }
        }
    }

    /// Parses a code set file's (decompressed) bytes; `kind` applies when the header names none.
    public init(parsing bytes: [UInt8], kind: String) throws(ParseError) {
        self.init(metadata: Metadata(kind: kind))
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            if line.isEmpty { continue }
            if line.first == UInt8(ascii: "#") {
                readHeader(String(decoding: line.dropFirst(), as: UTF8.self))
                continue
            }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard let key = CodeKey(bytes: fields[0]), fields.count <= 4 else { throw .invalidLine(lineNumber) }
            var span = Span(flags: [], from: Span.always.from, to: Span.always.to)
            if fields.count > 1 { span.flags = Self.flags(fields[1]) }
            if fields.count > 2, !fields[2].isEmpty {
                guard let date = CalendarDate(x12: fields[2]) else { throw .invalidLine(lineNumber) }
                span.from = Self.day(date)
            }
            if fields.count > 3, !fields[3].isEmpty {
                guard let date = CalendarDate(x12: fields[3]) else { throw .invalidLine(lineNumber) }
                span.to = Self.day(date)
            }
            insert(key, span)
        }
        guard !spans.isEmpty else { throw .noCodes }
    }

    private mutating func readHeader(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return }
        let name = text[..<colon].trimmingSpaces
        let value = text[text.index(after: colon)...].trimmingSpaces
        switch name {
        case "kind": metadata.kind = value
        case "version": metadata.version = value
        case "effective": metadata.effective = CalendarDate(value)
        case "source": metadata.source = value
        default: break
        }
    }

    static func flags(_ field: ArraySlice<UInt8>) -> Flags {
        var flags: Flags = []
        for byte in field {
            switch byte {
            case UInt8(ascii: "H"): flags.insert(.header)
            case UInt8(ascii: "N"): flags.insert(.notOtherwiseClassified)
            case UInt8(ascii: "C"): flags.insert(.canadian)
            default: break
            }
        }
        return flags
    }

    /// The file text of this set, codes sorted.
    public func serialized() -> String {
        var lines = [
            "# claimsgate code set", "# kind: \(metadata.kind)", "# version: \(metadata.version)",
            "# effective: \(metadata.effective?.x12 ?? "")", "# source: \(metadata.source)",
            "# format: CODE<TAB>FLAGS<TAB>FROM<TAB>TO (see Config/codesets/SOURCES.md)",
        ]
        let entries = spans.map { ($0.key.text, $0.value) } + extraSpans.flatMap { key, more in more.map { (key.text, $0) } }
        for (code, span) in entries.sorted(by: { ($0.0, $0.1.from) < ($1.0, $1.1.from) }) {
            var flags = ""
            if span.flags.contains(.header) { flags += "H" }
            if span.flags.contains(.notOtherwiseClassified) { flags += "N" }
            if span.flags.contains(.canadian) { flags += "C" }
            let from = span.from == Span.always.from ? "" : String(span.from)
            let to = span.to == Span.always.to ? "" : String(span.to)
            var line = code
            if !to.isEmpty {
                line += "\t\(flags)\t\(from)\t\(to)"
            } else if !from.isEmpty {
                line += "\t\(flags)\t\(from)"
            } else if !flags.isEmpty {
                line += "\t\(flags)"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// This set with `release` (a newer full release effective `effective`) merged in: codes
    /// missing from the release end the day before it, codes new in it start on it, codes whose
    /// flags changed get a new span; older history is kept, so claims are still judged on their
    /// own date of service.
    public func merging(release: CodeSet, effective: CalendarDate, version: String) -> CodeSet {
        let start = Self.day(effective)
        let dayBefore = Self.dayBefore(effective)
        var merged = CodeSet(metadata: metadata)
        merged.metadata.version = version
        if merged.metadata.effective == nil { merged.metadata.effective = effective }
        if !release.metadata.source.isEmpty { merged.metadata.source += "; \(version): \(release.metadata.source)" }
        let allSpans = spans.map { ($0.key, $0.value) } + extraSpans.flatMap { key, more in more.map { (key, $0) } }
        for (key, var span) in allSpans {
            let current = span.to == Span.always.to
            if current, let incoming = release.spans[key] {
                if incoming.flags != span.flags {
                    span.to = dayBefore
                    merged.insert(key, Span(flags: incoming.flags, from: start, to: Span.always.to))
                }
            } else if current {
                span.to = dayBefore
            }
            merged.insert(key, span)
        }
        for (key, incoming) in release.spans where spans[key] == nil {
            merged.insert(key, Span(flags: incoming.flags, from: start, to: Span.always.to))
        }
        return merged
    }

    static func dayBefore(_ date: CalendarDate) -> Int32 {
        if date.day > 1 { return day(date) - 1 }
        if date.month > 1 {
            let month = date.month - 1
            return Int32(date.year * 10_000 + month * 100 + CalendarDate.daysInMonth(month, year: date.year))
        }
        return Int32((date.year - 1) * 10_000 + 1231)
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
