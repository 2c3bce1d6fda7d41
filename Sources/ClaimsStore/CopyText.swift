import ClaimsCrypto

/// Formatting for PostgreSQL's COPY text format and array literals.
///
/// Text format is tab-separated, newline-terminated, `\N` for NULL, with backslash escapes for the
/// characters that would otherwise end a field or a row. Claims data is free text from partners,
/// so every value goes through `escape`.
public enum CopyText {
    /// Rows are flushed to the server in chunks of about this many bytes.
    static let chunkSize = 64 * 1024

    /// Escapes one field value: `\` → `\\`, tab → `\t`, newline → `\n`, carriage return → `\r`.
    public static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        var result = ""
        result.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One row: escaped fields joined by tabs, `\N` for NULL, ending in a newline.
    public static func row(_ fields: [String?]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "\t" }
            line += field.map(escape) ?? "\\N"
        }
        line += "\n"
        return line
    }

    /// One row of escaped `fields` followed by `raw` fields that are already in COPY text form
    /// (`bytea`), so long binary values are not scanned and copied a second time.
    public static func row(_ fields: [String?], raw: [String?]) -> String {
        var line = row(fields)
        line.removeLast()
        for field in raw {
            line += "\t"
            line += field ?? "\\N"
        }
        line += "\n"
        return line
    }

    /// A `bytea` value in COPY text form: `\\x` and hex (the backslash itself escaped for COPY).
    public static func bytea<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        "\\\\x" + Hex.encode(bytes)
    }

    /// Lazily groups pre-formatted rows (`row(_:)`) into chunks of about `chunkSize` bytes.
    static func chunks<Rows: Sequence>(ofRows rows: Rows) -> some Sequence<String> where Rows.Element == String {
        var iterator = rows.makeIterator()
        return AnySequence {
            AnyIterator { () -> String? in
                var chunk = ""
                while chunk.utf8.count < chunkSize, let next = iterator.next() {
                    chunk += next
                }
                return chunk.isEmpty ? nil : chunk
            }
        }
    }

    /// Lazily groups formatted rows into chunks of about `chunkSize` bytes.
    static func chunks<Rows: Sequence>(of rows: Rows) -> some Sequence<String> where Rows.Element == [String?] {
        var iterator = rows.makeIterator()
        return AnySequence {
            AnyIterator { () -> String? in
                var chunk = ""
                while chunk.utf8.count < chunkSize, let next = iterator.next() {
                    chunk += row(next)
                }
                return chunk.isEmpty ? nil : chunk
            }
        }
    }

    /// A PostgreSQL array literal of text elements (`{"a","b\"c"}`), every element quoted so that
    /// commas, braces, spaces and the word NULL stay plain text.
    public static func textArray(_ elements: [String]) -> String {
        let quoted = elements.map { element -> String in
            var escaped = "\""
            for character in element {
                if character == "\"" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }

    /// A PostgreSQL array literal of integers (`{1,2}`).
    public static func integerArray(_ elements: [Int]) -> String {
        "{" + elements.map(String.init).joined(separator: ",") + "}"
    }
}
