/// One ISA…IEA interchange as received, split into functional groups and transaction sets.
public struct Interchange: Sendable {
    public let header: InterchangeHeader
    public internal(set) var groups: [FunctionalGroup] = []
    /// IEA, when the interchange was closed.
    public internal(set) var trailer: Segment?
    /// Envelope problems; each becomes a TA1 note code.
    public internal(set) var issues: [InterchangeIssue] = []

    /// Whether the envelope is sound enough to look inside (else a TA1 rejects it whole).
    public var isAccepted: Bool { issues.allSatisfy { !$0.rejectsInterchange } }
}

/// The fixed-width ISA fields, trimmed of their padding.
public struct InterchangeHeader: Sendable {
    public let segment: Segment
    public let delimiters: Delimiters
    /// Keeps the file's bytes alive for `segment` (see `Segment`).
    let source: X12Source
    public var authorizationQualifier: String { segment[1].string }
    public var securityQualifier: String { segment[3].string }
    public var senderQualifier: String { segment[5].string }
    public var senderID: String { segment[6].string.trimmingTrailingSpaces }
    public var receiverQualifier: String { segment[7].string }
    public var receiverID: String { segment[8].string.trimmingTrailingSpaces }
    /// ISA09, YYMMDD.
    public var date: String { segment[9].string }
    /// ISA10, HHMM.
    public var time: String { segment[10].string }
    public var versionNumber: String { segment[12].string }
    public var controlNumber: String { segment[13].string }
    public var acknowledgmentRequested: Bool { segment[14].equals("1") }
    /// ISA15: `P` production, `T` test.
    public var usageIndicator: String { segment[15].string }
}

/// One GS…GE functional group.
public struct FunctionalGroup: Sendable {
    public let header: Segment
    /// Keeps the file's bytes alive for the group's segments (see `Segment`).
    let source: X12Source
    public internal(set) var transactionSets: [TransactionSet] = []
    public internal(set) var trailer: Segment?
    /// Group problems; each becomes an AK905 code on the 999.
    public internal(set) var issues: [GroupIssue] = []

    public var functionalID: String { header[1].string }
    public var senderCode: String { header[2].string }
    public var receiverCode: String { header[3].string }
    public var controlNumber: String { header[6].string }
    public var version: String { header[8].string }
    /// GE01 as sent (the count the sender claims), or nil without a GE.
    public var declaredTransactionSetCount: Int? { trailer.flatMap { Int($0[1].string) } }
}

/// One ST…SE transaction set.
///
/// Reading the envelope keeps only the set's ST, SE and byte range: its body is scanned again
/// when it is judged (`segments`), so a file's envelope costs a few segments per set, never one
/// per segment of the file.
public struct TransactionSet: Sendable {
    public let header: Segment
    /// Keeps the file's bytes alive for the set's segments (see `Segment`).
    let source: X12Source
    public internal(set) var trailer: Segment?
    /// Set problems; each becomes an IK502 code on the 999 and rejects the set.
    public internal(set) var issues: [TransactionSetIssue] = []
    /// Bytes from the ST to the end of the last segment (the SE, when present).
    public private(set) var range: Range<Int>
    /// Number of segments from ST to SE inclusive (to the last one read when SE is missing).
    public private(set) var segmentCount = 1
    /// Number of CLM segments: known before the set is judged, so an oversized set can be
    /// refused without parsing it (a set is judged whole, in memory).
    public private(set) var claimCount = 0
    /// ST01, ST02 and ST03, read once when the set is opened. Read from the file on each use, they
    /// brought the set's first page back after the envelope pass had handed it to the kernel, and
    /// the kernel maps 64 KiB around a fault: about 30 MB more for a 1,000,000-claim file in 500 sets
    /// (the duplicate-ST02 check and the 999 read every set's).
    public let identifier: String
    public let controlNumber: String
    public let implementationReference: String

    init(header: Segment, source: X12Source) {
        self.header = header
        self.source = source
        range = header.range
        identifier = header[1].string
        controlNumber = header[2].string
        implementationReference = header[3].string
    }

    /// Extends the set to the segments just read after it.
    mutating func append(_ passed: PassedSegments) {
        guard passed.count > 0 else { return }
        range = range.lowerBound..<passed.end
        segmentCount += passed.count
        claimCount += passed.claims
    }

    /// Position (ST = 1) of the `occurrence`-th segment `id`, scanning the set's bytes again.
    public func position(of id: SegmentID, occurrence: Int) -> Int? {
        var seen = 0
        for (index, segment) in segments.enumerated() where segment.id == id {
            seen += 1
            if seen == occurrence { return index + 1 }
        }
        return nil
    }

    /// ST through SE inclusive (SE absent when the trailer is missing), scanned from the file as
    /// they are read: nothing is kept per segment.
    public var segments: Segments {
        Segments(source: source, delimiters: header.delimiters, start: range.lowerBound, count: segmentCount)
    }

    /// A set's segments, read one at a time. Its iterator holds the file, so each segment is
    /// valid while the iteration that produced it lasts.
    public struct Segments: Sequence, Sendable {
        let source: X12Source
        let delimiters: Delimiters
        let start: Int
        /// Segments from ST to SE inclusive (to the last one read when SE is missing).
        public let count: Int

        public var underestimatedCount: Int { count }

        public func makeIterator() -> Iterator {
            Iterator(scanner: SegmentScanner(source: source, delimiters: delimiters, offset: start), remaining: count)
        }

        public struct Iterator: IteratorProtocol {
            /// Holds the file, so the bytes every segment handed out points into stay alive.
            var scanner: SegmentScanner
            var remaining: Int

            public mutating func next() -> Segment? {
                guard remaining > 0, let segment = scanner.next() else { return nil }
                remaining -= 1
                return segment
            }
        }
    }
}

/// Interchange-level problems with their TA105 note codes.
public enum InterchangeIssue: Sendable, Hashable {
    case controlNumberMismatch
    case groupCountMismatch
    case missingTrailer
    case segmentOutsideGroup(SegmentID)
    case invalidField(element: Int, noteCode: String)
    /// The sender already sent an interchange with this ISA13 (found in the gateway's register).
    case duplicateControlNumber

    public var ta1NoteCode: String {
        switch self {
        case .controlNumberMismatch: "001"
        case .groupCountMismatch: "021"
        case .missingTrailer: "023"
        case .segmentOutsideGroup: "024"
        case .invalidField(_, let code): code
        case .duplicateControlNumber: "025"
        }
    }

    /// A header/trailer control number mismatch is accepted with a note (the header value wins);
    /// everything else means the envelope cannot be trusted.
    public var rejectsInterchange: Bool { self != .controlNumberMismatch }

    public var reason: String {
        switch self {
        case .controlNumberMismatch: "IEA02 does not equal ISA13"
        case .groupCountMismatch: "IEA01 does not equal the number of functional groups"
        case .missingTrailer: "the interchange has no IEA trailer (file truncated?)"
        case .segmentOutsideGroup(let id): "segment \(id) appears outside a GS/GE functional group"
        case .invalidField(let element, _): "ISA\(element < 10 ? "0" : "")\(element) is invalid"
        case .duplicateControlNumber: "ISA13 repeats an interchange control number this sender already used"
        }
    }
}

/// Group-level problems with their AK905 codes.
public enum GroupIssue: Sendable, Hashable {
    case notSupported
    case versionNotSupported
    case missingTrailer
    case controlNumberMismatch
    case transactionSetCountMismatch
    case invalidControlNumber
    case duplicateControlNumber

    public var ak905Code: String {
        switch self {
        case .notSupported: "1"
        case .versionNotSupported: "2"
        case .missingTrailer: "3"
        case .controlNumberMismatch: "4"
        case .transactionSetCountMismatch: "5"
        case .invalidControlNumber: "6"
        case .duplicateControlNumber: "19"
        }
    }

    /// A group whose header or trailer is wrong is rejected as a whole (AK901=R).
    public var reason: String {
        switch self {
        case .notSupported: "GS01 is not HC (health care claim)"
        case .versionNotSupported: "GS08 is not 005010X222A1"
        case .missingTrailer: "the functional group has no GE trailer"
        case .controlNumberMismatch: "GE02 does not equal GS06"
        case .transactionSetCountMismatch: "GE01 does not equal the number of transaction sets"
        case .invalidControlNumber: "GS06 is not a 1-9 digit number"
        case .duplicateControlNumber: "GS06 repeats another group's control number in this interchange"
        }
    }
}

/// Transaction-set-level problems with their IK502 codes.
public enum TransactionSetIssue: Sendable, Hashable {
    case notSupported
    case missingTrailer
    case controlNumberMismatch
    case segmentCountMismatch
    case invalidControlNumber
    case implementationNotSupported
    case duplicateControlNumber

    public var ik502Code: String {
        switch self {
        case .notSupported: "1"
        case .missingTrailer: "2"
        case .controlNumberMismatch: "3"
        case .segmentCountMismatch: "4"
        case .invalidControlNumber: "7"
        case .implementationNotSupported: "I6"
        case .duplicateControlNumber: "23"
        }
    }

    public var reason: String {
        switch self {
        case .notSupported: "ST01 is not 837"
        case .missingTrailer: "the transaction set has no SE trailer"
        case .controlNumberMismatch: "SE02 does not equal ST02"
        case .segmentCountMismatch: "SE01 does not equal the number of segments from ST to SE"
        case .invalidControlNumber: "ST02 is not 4 to 9 characters"
        case .implementationNotSupported: "ST03 is not 005010X222A1"
        case .duplicateControlNumber: "ST02 repeats another transaction set's control number in this group"
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var result = Substring(self)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
