import ClaimsCore
import Foundation

/// Rows in PostgreSQL's COPY text format, written straight into bytes: tab-separated,
/// newline-terminated, `\N` for NULL, with backslash escapes for the characters that would
/// otherwise end a field or a row. Claims data is free text from partners, so every text value is
/// escaped; `bytea` values are written as hex without a detour through `String`.
public struct CopyText: Sendable {
    /// Rows are handed to the server in chunks of about this many bytes.
    public static let chunkSize = 64 * 1024

    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0

    public init(capacity: Int = chunkSize + 4096) { bytes.reserveCapacity(capacity) }

    /// One text field, escaped; nil is NULL.
    public mutating func field(_ value: String?) {
        separate()
        guard var value else { return bytes.append(contentsOf: Self.null) }
        value.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                default: bytes.append(byte)
                }
            }
        }
    }

    /// One integer field.
    public mutating func field(_ value: Int) { field(String(value)) }

    /// One `bytea` field (`\\x` and lowercase hex, the backslash escaped for COPY); nil is NULL.
    public mutating func bytea(_ value: UnsafeRawBufferPointer?) {
        separate()
        guard let value else { return bytes.append(contentsOf: Self.null) }
        bytes.append(contentsOf: [0x5C, 0x5C, 0x78])
        for byte in value {
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    public mutating func bytea(_ value: [UInt8]?) {
        guard let value else { return bytea(UnsafeRawBufferPointer?.none) }
        value.withUnsafeBytes { bytea($0) }
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(0x0A)
        fieldsInRow = 0
    }

    /// One whole row of text fields.
    public mutating func row(_ fields: [String?]) {
        for field in fields { self.field(field) }
        endRow()
    }

    public var isFull: Bool { bytes.count >= Self.chunkSize }

    /// Hands over the bytes written so far and starts empty again.
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(0x09) }
        fieldsInRow += 1
    }

    private static let null: [UInt8] = [0x5C, 0x4E]
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lazily writes `rows` with `write` and groups them into chunks of about `chunkSize` bytes.
    static func chunks<Rows: Sequence>(of rows: Rows, _ write: @escaping (inout CopyText, Rows.Element) -> Void)
        -> some Sequence<[UInt8]>
    {
        var iterator = rows.makeIterator()
        var text = CopyText()
        return AnySequence {
            AnyIterator { () -> [UInt8]? in
                while !text.isFull, let next = iterator.next() { write(&text, next) }
                let chunk = text.take()
                return chunk.isEmpty ? nil : chunk
            }
        }
    }

    /// COPY text for items `0..<count`, encoded by `encode` in slices of `sliceSize`, a window of
    /// slices at a time spread over every core, handed out in order. Sealing and formatting cost
    /// more than PostgreSQL's parsing, so while the server takes one window the next is encoded,
    /// and memory holds one window, not the file.
    static func encoded(
        _ count: Int, sliceSize: Int = 1_000, _ encode: @escaping @Sendable (Range<Int>) -> [UInt8]
    ) -> some Sequence<[UInt8]> {
        let slices = stride(from: 0, to: count, by: sliceSize).map { $0..<min($0 + sliceSize, count) }
        let window = 2 * ProcessInfo.processInfo.activeProcessorCount
        var next = 0
        var ready: [[UInt8]] = []
        return AnySequence {
            AnyIterator { () -> [UInt8]? in
                if ready.isEmpty, next < slices.count {
                    let batch = slices[next..<min(next + window, slices.count)]
                    next = batch.endIndex
                    ready = batch.concurrentMap(encode).reversed()
                }
                return ready.popLast()
            }
        }
    }

    /// A PostgreSQL array literal of text elements (`{"a","b\"c"}`), every element quoted so that
    /// commas, braces, spaces and the word NULL stay plain text.
    public static func textArray(_ elements: [String]) -> String {
        var literal: [UInt8] = [UInt8(ascii: "{")]
        for (index, element) in elements.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            literal.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { literal.append(UInt8(ascii: "\\")) }
                literal.append(byte)
            }
            literal.append(UInt8(ascii: "\""))
        }
        literal.append(UInt8(ascii: "}"))
        return String(decoding: literal, as: UTF8.self)
    }

    /// A PostgreSQL array literal of integers (`{1,2}`).
    public static func integerArray(_ elements: [Int]) -> String {
        "{" + elements.map(String.init).joined(separator: ",") + "}"
    }
}
