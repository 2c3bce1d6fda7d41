import X12

/// Makes values copied from an inbound file safe to write with the standard delimiters.
///
/// A partner may send `|`-separated files whose data legitimately contain `*`, `:` or `~`; written
/// verbatim into an acknowledgment they would split elements and corrupt it. Names and ids are
/// echoed with such characters (and control characters) replaced by a space, and trailing spaces
/// dropped (X12 suppresses them in `AN` values; pyx12 flags them).
enum X12Text {
    static func sanitized(_ value: String) -> String {
        let unsafe = unsafeBytes
        if value.utf8.last != UInt8(ascii: " "), !value.utf8.contains(where: { unsafe[Int($0)] }) { return value }
        var bytes = value.utf8.map { unsafe[Int($0)] ? UInt8(ascii: " ") : $0 }
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A verbatim copy (IK404 must be the bad value itself), or nil when it cannot be written
    /// faithfully: it holds a delimiter or exceeds the element's 99 characters.
    static func verbatim(_ value: String) -> String? {
        let unsafe = unsafeBytes
        guard value.count <= 99, !value.utf8.contains(where: { unsafe[Int($0)] }) else { return nil }
        return value
    }

    /// Whether each byte value would break an acknowledgment written with the standard delimiters:
    /// control characters and the delimiters themselves. A table, read once per value: every name
    /// and id of every 277CA passes through here.
    private static let unsafeBytes: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        let delimiters = Delimiters.standard
        return byte < 0x20 || byte == 0x7F || byte == delimiters.element || byte == delimiters.component
            || byte == delimiters.repetition || byte == delimiters.segment
    }
}
