import ClaimsCore
import Foundation

/// Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN WITH (FORMAT binary)`).
///
/// The bulk tables take a file's claims in this format rather than as text: nothing is escaped
/// or spelled out in hex here, and the server parses no numbers, dates, arrays or hex, which was
/// most of what it spent on a claim besides its indexes. Each value is written in the receive
/// format of the column's type, so a row must list its fields in the column order of the COPY
/// statement, with the types named by the method (`int4` for an `int` column, and so on).
///
/// The rows are written into raw memory it owns, not an array: a row is some forty small writes
/// (a length before each value, integers, short texts), and each append to an array cost about
/// 100 instructions of uniqueness, capacity and generic-copy checks, several times what it wrote.
public struct CopyBinary: ~Copyable {
    /// Bytes of rows gathered before they are handed to the connection.
    public static let chunkSize = 64 * 1024

    /// `count` bytes written at `base`, room for `capacity`.
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    public private(set) var count = 0

    public init(capacity: Int = chunkSize + 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(byteCount: self.capacity, alignment: 1)
    }

    deinit { base.deallocate() }

    /// The rows written so far.
    public var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: base, count: count)) }

    /// Starts a row of `fields` values.
    public mutating func row(fields: Int) { appendInteger(Int16(fields)) }

    public mutating func null() { appendInteger(Int32(-1)) }

    public mutating func int4(_ value: Int) {
        appendInteger(Int32(4))
        appendInteger(Int32(truncatingIfNeeded: value))
    }

    public mutating func int8(_ value: Int64) {
        appendInteger(Int32(8))
        appendInteger(value)
    }

    public mutating func float8(_ value: Double?) {
        guard let value else { return null() }
        appendInteger(Int32(8))
        appendInteger(value.bitPattern)
    }

    /// A `text` value. PostgreSQL's text cannot hold the NUL character, which a partner's file
    /// can: each one is written as U+FFFD, as bytes that are not UTF-8 are when the file is read
    /// (the archived file keeps what was sent). Failing instead would fail the whole file's store.
    public mutating func text(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { utf8 in
            guard !utf8.contains(0) else { return textReplacingNUL(utf8) }
            appendInteger(Int32(utf8.count))
            append(UnsafeRawBufferPointer(utf8))
        }
    }

    private mutating func textReplacingNUL(_ utf8: UnsafeBufferPointer<UInt8>) {
        lengthPrefixed { copy in
            for byte in utf8 {
                if byte == 0 { Self.replacementCharacter.withUnsafeBytes { copy.append($0) } } else { copy.append(byte) }
            }
        }
    }

    private static let replacementCharacter = Array("\u{FFFD}".utf8)

    public mutating func bytea(_ value: [UInt8]?) {
        guard let value else { return null() }
        appendInteger(Int32(value.count))
        value.withUnsafeBytes { append($0) }
    }

    /// A `jsonb` value: the format version, then the JSON text.
    public mutating func jsonb(_ json: String) {
        var json = json
        json.withUTF8 { utf8 in
            appendInteger(Int32(utf8.count + 1))
            append(1)
            append(UnsafeRawBufferPointer(utf8))
        }
    }

    /// A `date`: days since 2000-01-01.
    public mutating func date(_ value: CalendarDate?) {
        guard let value else { return null() }
        appendInteger(Int32(4))
        appendInteger(Int32(value.dayNumber - Self.postgresEpochDay))
    }

    /// A `numeric` holding the amount, with two decimals.
    public mutating func numeric(_ amount: Amount) {
        numeric(significand: UInt128(amount.cents.magnitude), exponent: -2, negative: amount.cents < 0)
    }

    /// A `numeric` holding the decimal a double prints as (`2.5` for 2.5, as the text format had it).
    public mutating func numeric(_ value: Double) {
        if value.isNaN { return numericSpecial(Self.numericNaN) }
        if value.isInfinite { return numericSpecial(value < 0 ? Self.numericNegativeInfinity : Self.numericInfinity) }
        // Whole numbers print as "2.0": one decimal.
        if value == value.rounded(), value.magnitude < 1e15 {
            return numeric(significand: UInt128(value.magnitude) * 10, exponent: -1, negative: value < 0)
        }
        var significand: UInt128 = 0
        var exponent = 0
        var negative = false
        var afterPoint = false
        var exponentPart: Int?
        var exponentNegative = false
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "-") where exponentPart == nil: negative = true
            case UInt8(ascii: "-"): exponentNegative = true
            case UInt8(ascii: "."): afterPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): exponentPart = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if let part = exponentPart {
                    exponentPart = part * 10 + digit
                } else {
                    significand = significand * 10 + UInt128(digit)
                    if afterPoint { exponent -= 1 }
                }
            default: break
            }
        }
        exponent += (exponentNegative ? -1 : 1) * (exponentPart ?? 0)
        numeric(significand: significand, exponent: exponent, negative: negative)
    }

    /// A one-dimensional `text[]`.
    public mutating func textArray(_ elements: some Collection<String>) {
        array(of: elements, elementType: Self.textOID) { $0.text($1) }
    }

    /// A one-dimensional `int[]`.
    public mutating func int4Array(_ elements: some Collection<Int>) {
        array(of: elements, elementType: Self.int4OID) { $0.int4($1) }
    }

    /// A one-dimensional `double precision[]`.
    public mutating func float8Array(_ elements: [Double]) {
        array(of: elements, elementType: Self.float8OID) { $0.float8($1) }
    }

    public var isFull: Bool { count >= Self.chunkSize }

    /// The rows written so far, the buffer emptied for more.
    public mutating func take() -> [UInt8] {
        defer { count = 0 }
        return bytes
    }

    /// What opens a binary COPY stream: the signature, no flags, no header extension.
    static let header: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + [UInt8](repeating: 0, count: 8)
    /// What closes it: a row of -1 fields.
    static let trailer: [UInt8] = [0xFF, 0xFF]

    /// Rows written `write` at a time into chunks of about `chunkSize` bytes, for `copyIn`.
    static func chunks<Rows: Sequence>(of rows: Rows, _ write: @escaping (inout CopyBinary, Rows.Element) -> Void)
        -> some Sequence<[UInt8]>
    {
        var iterator = rows.makeIterator()
        return AnySequence {
            AnyIterator { () -> [UInt8]? in
                var copy = CopyBinary()
                while !copy.isFull, let next = iterator.next() { write(&copy, next) }
                return copy.count == 0 ? nil : copy.take()
            }
        }
    }

    /// The rows `0..<count` encoded by `encode` a slice at a time on the cores, handed out in
    /// order, the next slices being encoded while the connection sends one. Encoded a batch at a
    /// time instead, encoding and sending took turns, the server waiting for each batch: a
    /// 100,000-claim file's end to end took about 5 % longer (six alternating five-file runs).
    static func encoded(
        _ count: Int, sliceSize: Int = 1_000, _ encode: @escaping @Sendable (Range<Int>) -> [UInt8]
    ) -> some Sequence<[UInt8]> {
        let slices = stride(from: 0, to: count, by: sliceSize).map { $0..<min($0 + sliceSize, count) }
        return AnySequence {
            let encoder = SliceEncoder(slices, ahead: 2 * ProcessInfo.processInfo.activeProcessorCount, encode)
            return AnyIterator { encoder.next() }
        }
    }

    // MARK: Encoding

    private static let postgresEpochDay = CalendarDate(year: 2000, month: 1, day: 1)!.dayNumber
    private static let textOID: Int32 = 25
    private static let int4OID: Int32 = 23
    private static let float8OID: Int32 = 701
    private static let numericNaN: UInt16 = 0xC000
    private static let numericInfinity: UInt16 = 0xD000
    private static let numericNegativeInfinity: UInt16 = 0xF000

    /// Room for `extra` more bytes, returned where they go.
    @inline(__always) private mutating func reserve(_ extra: Int) -> UnsafeMutableRawPointer {
        if count + extra > capacity { grow(to: count + extra) }
        return base + count
    }

    private mutating func grow(to needed: Int) {
        capacity = max(needed, 2 * capacity)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
        grown.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = grown
    }

    @inline(__always) private mutating func appendInteger<Value: FixedWidthInteger>(_ value: Value) {
        reserve(MemoryLayout<Value>.size).storeBytes(of: value.bigEndian, as: Value.self)
        count += MemoryLayout<Value>.size
    }

    @inline(__always) private mutating func append(_ byte: UInt8) { appendInteger(byte) }

    @inline(__always) private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// `significand × 10^exponent` as a `numeric`: base-10,000 digits aligned on the decimal point,
    /// the weight of the first, and the number of decimals shown (`dscale`).
    private mutating func numeric(significand: UInt128, exponent: Int, negative: Bool) {
        let scale = max(0, -exponent)
        // Align the last digit group on a multiple of four decimal places.
        let shift = ((exponent % 4) + 4) % 4
        var remaining = significand
        for _ in 0..<shift { remaining *= 10 }
        let lastWeight = (exponent - shift) / 4
        // Least significant first; a UInt128 has at most ten groups.
        var groups = InlineArray<10, UInt16>(repeating: 0)
        var count = 0
        while remaining > 0 {
            groups[count] = UInt16(remaining % 10_000)
            remaining /= 10_000
            count += 1
        }
        appendInteger(Int32(8 + 2 * count))
        appendInteger(Int16(count))
        appendInteger(Int16(count == 0 ? 0 : lastWeight + count - 1))
        appendInteger(UInt16(negative && count > 0 ? 0x4000 : 0))
        appendInteger(Int16(scale))
        for index in stride(from: count - 1, through: 0, by: -1) { appendInteger(groups[index]) }
    }

    private mutating func numericSpecial(_ sign: UInt16) {
        appendInteger(Int32(8))
        appendInteger(Int16(0))
        appendInteger(Int16(0))
        appendInteger(sign)
        appendInteger(Int16(0))
    }

    private mutating func array<Elements: Collection>(
        of elements: Elements, elementType: Int32, _ write: (inout CopyBinary, Elements.Element) -> Void
    ) {
        lengthPrefixed { copy in
            // Dimensions, no NULL elements, the element type; then the one dimension's size and lower bound.
            copy.appendInteger(Int32(elements.isEmpty ? 0 : 1))
            copy.appendInteger(Int32(0))
            copy.appendInteger(elementType)
            guard !elements.isEmpty else { return }
            copy.appendInteger(Int32(elements.count))
            copy.appendInteger(Int32(1))
            for element in elements { write(&copy, element) }
        }
    }

    /// A value whose length is known once `write` has written it.
    private mutating func lengthPrefixed(_ write: (inout CopyBinary) -> Void) {
        let lengthAt = count
        appendInteger(Int32(0))
        write(&self)
        (base + lengthAt).storeBytes(of: Int32(count - lengthAt - 4).bigEndian, as: Int32.self)
    }
}
