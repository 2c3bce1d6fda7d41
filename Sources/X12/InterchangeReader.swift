#if canImport(Glibc)
    import Glibc
#endif

/// Splits a received file into interchanges, groups and transaction sets, checking the envelope's
/// control numbers and counts on the way.
///
/// A file may hold several ISA…IEA interchanges, each with its own separators. Only a file that
/// does not start with a readable ISA fails as a whole (it is not X12 and is quarantined); every
/// other problem is recorded on the interchange, group or set it belongs to, so that the right
/// acknowledgment (TA1, AK905, IK502) can report it.
public enum InterchangeReader {
    /// UTF-8 byte order mark, which some Windows tools put in front of the ISA.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// How much of a mapped file is read before the pages behind are handed back: the envelope
    /// pass touches every byte once, and must not hold a large file in memory to do it.
    static let releaseStride = 8 << 20

    public static func read(_ source: X12Source) throws(EnvelopeError) -> [Interchange] {
        let bytes = source.bytes
        var offset = 0
        if bytes.starts(with: byteOrderMark) { offset = 3 }
        while offset < bytes.count, SegmentScanner.isLayout(bytes[offset]) { offset += 1 }
        guard offset < bytes.count else { throw .missingISA }

        var interchanges: [Interchange] = []
        while offset < bytes.count {
            let delimiters = try Delimiters(isa: UnsafeBufferPointer(rebasing: bytes[offset...]))
            var scanner = SegmentScanner(source: source, delimiters: delimiters, offset: offset)
            guard let isa = scanner.next() else { throw .missingISA }
            var interchange = Interchange(header: InterchangeHeader(segment: isa, delimiters: delimiters, source: source))
            readBody(of: &interchange, from: &scanner)
            interchanges.append(interchange)
            offset = scanner.nextSegmentStart
            if offset < bytes.count, !scanner.atInterchangeHeader() {
                // Bytes after the IEA that are not another interchange: not trustworthy.
                interchanges[interchanges.count - 1].issues.append(.segmentOutsideGroup(.invalid))
                break
            }
        }
        return interchanges
    }

    /// Reads segments after the ISA up to and including the IEA (or the next ISA, or the end).
    static func readBody(of interchange: inout Interchange, from scanner: inout SegmentScanner) {
        var group: FunctionalGroup?
        var set: TransactionSet?
        // Control numbers already used, for the duplicate checks: a set, so that a file of many
        // small sets costs no comparison of each with all before it.
        var groupControlNumbers: Set<String> = []
        var setControlNumbers: Set<String> = []

        func closeSet(missingTrailer: Bool) {
            guard var open = set else { return }
            if missingTrailer { open.issues.append(.missingTrailer) }
            group?.transactionSets.append(open)
            set = nil
        }
        func closeGroup(missingTrailer: Bool) {
            closeSet(missingTrailer: true)
            guard var open = group else { return }
            if missingTrailer { open.issues.append(.missingTrailer) }
            interchange.groups.append(open)
            group = nil
        }

        var released = scanner.offset
        defer { scanner.source.release(released..<scanner.offset) }
        while !scanner.atInterchangeHeader(), let id = scanner.peekID() {
            if scanner.offset - released >= releaseStride {
                scanner.source.release(released..<scanner.offset)
                released = scanner.offset
            }
            // Inside a set only the envelope's own segments are cut; the others are passed over.
            if set != nil, !isEnvelope(id) {
                set!.append(scanner.passSegmentsInsideSet(before: released + releaseStride))
                continue
            }
            guard let segment = scanner.next() else { break }
            switch segment.id {
            case "SE" where set != nil:
                set!.append(PassedSegments(count: 1, claims: 0, end: segment.range.upperBound))
                set!.trailer = segment
                checkTrailer(of: &set!)
                closeSet(missingTrailer: false)
            case "ST" where group != nil:
                closeSet(missingTrailer: true)
                let opened = TransactionSet(header: segment, source: scanner.source)
                set = opened
                checkHeader(of: &set!, repeatsControlNumber: !setControlNumbers.insert(opened.controlNumber).inserted)
            case "GE" where group != nil:
                closeSet(missingTrailer: true)
                group!.trailer = segment
                checkTrailer(of: &group!)
                closeGroup(missingTrailer: false)
            case "GS":
                closeGroup(missingTrailer: true)
                let opened = FunctionalGroup(header: segment, source: scanner.source)
                group = opened
                setControlNumbers = []
                checkHeader(of: &group!, repeatsControlNumber: !groupControlNumbers.insert(opened.controlNumber).inserted)
            case "IEA":
                closeGroup(missingTrailer: true)
                interchange.trailer = segment
                checkTrailer(of: &interchange)
                return
            case "TA1" where group == nil:
                continue
            default:
                // Outside a set: inside one, every other segment was passed over above.
                interchange.issues.append(.segmentOutsideGroup(segment.id))
            }
        }
        closeGroup(missingTrailer: true)
        interchange.issues.append(.missingTrailer)
    }

    /// The segments that open and close sets, groups and interchanges: inside a set, the reader
    /// cuts only these.
    @inline(__always) static func isEnvelope(_ id: SegmentID) -> Bool {
        id == "SE" || id == "ST" || id == "GE" || id == "GS" || id == "IEA"
    }

    static func checkHeader(of set: inout TransactionSet, repeatsControlNumber: Bool) {
        if set.identifier != "837" { set.issues.append(.notSupported) }
        if !(4...9).contains(set.controlNumber.utf8.count) { set.issues.append(.invalidControlNumber) }
        if set.implementationReference != "005010X222A1" { set.issues.append(.implementationNotSupported) }
        if repeatsControlNumber { set.issues.append(.duplicateControlNumber) }
    }

    static func checkTrailer(of set: inout TransactionSet) {
        guard let trailer = set.trailer else { return }
        if Int(trailer[1].string) != set.segmentCount { set.issues.append(.segmentCountMismatch) }
        if trailer[2].string != set.controlNumber { set.issues.append(.controlNumberMismatch) }
    }

    static func checkHeader(of group: inout FunctionalGroup, repeatsControlNumber: Bool) {
        if group.functionalID != "HC" { group.issues.append(.notSupported) }
        if group.version != "005010X222A1" { group.issues.append(.versionNotSupported) }
        let control = group.controlNumber
        if !(1...9).contains(control.utf8.count) || !control.utf8.allSatisfy({ (48...57).contains($0) }) {
            group.issues.append(.invalidControlNumber)
        }
        if repeatsControlNumber { group.issues.append(.duplicateControlNumber) }
    }

    static func checkTrailer(of group: inout FunctionalGroup) {
        guard let trailer = group.trailer else { return }
        if Int(trailer[1].string) != group.transactionSets.count { group.issues.append(.transactionSetCountMismatch) }
        if trailer[2].string != group.controlNumber { group.issues.append(.controlNumberMismatch) }
    }

    static func checkTrailer(of interchange: inout Interchange) {
        guard let trailer = interchange.trailer else { return }
        if Int(trailer[1].string) != interchange.groups.count { interchange.issues.append(.groupCountMismatch) }
        if trailer[2].string != interchange.header.controlNumber { interchange.issues.append(.controlNumberMismatch) }
    }
}

/// Segments passed over inside a transaction set: how many, how many of them CLM, and where the
/// last one ended (terminator excluded).
struct PassedSegments {
    var count = 0
    var claims = 0
    var end = 0
}

extension SegmentScanner {
    /// Passes over the segments inside a transaction set up to the next one the envelope reader
    /// must cut (an envelope segment, or one starting with `ISA`, as `atInterchangeHeader` reads
    /// it), the end of the file, or — one segment at least — the offset `limit`. Reads each tag as
    /// `peekID` does and finds each terminator with `memchr`, in one loop over the bytes: asked
    /// segment by segment through `atInterchangeHeader`, `peekID` and a skip, the segments inside
    /// the sets, nearly all of a file's, cost about 200 instructions each (120 now).
    mutating func passSegmentsInsideSet(before limit: Int) -> PassedSegments {
        let bytes = source.bytes
        var passed = PassedSegments()
        guard let base = bytes.baseAddress else { return passed }
        let count = bytes.count
        let element = delimiters.element, terminator = delimiters.segment
        var start = offset
        while true {
            while start < count, Self.isLayout(base[start]) { start &+= 1 }
            guard start < count, passed.count == 0 || start < limit else { break }
            if count &- start >= 3, base[start] == UInt8(ascii: "I"), base[start &+ 1] == UInt8(ascii: "S"),
                base[start &+ 2] == UInt8(ascii: "A")
            {
                break
            }
            var tag: UInt32 = 0
            var length = 0
            while length < 4, start &+ length < count {
                let byte = base[start &+ length]
                if byte == element || byte == terminator { break }
                tag = tag &<< 8 | UInt32(byte)
                length &+= 1
            }
            let id = (1...3).contains(length) ? SegmentID(rawValue: tag) : .invalid
            if InterchangeReader.isEnvelope(id) { break }
            let found = memchr(base + start, Int32(terminator), count &- start)
            let end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            passed.count &+= 1
            if id == "CLM" { passed.claims &+= 1 }
            passed.end = end
            offset = end < count ? end &+ 1 : end
            start = offset
        }
        return passed
    }
}
