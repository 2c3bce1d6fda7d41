import X12

/// Envelope edits (ISA/IEA → TA1, GS/GE → 999 AK9, ST/SE → 999 IK5) and the mapping from the
/// reader's issues to them.
extension EditCatalog {
    static let envelopeEdits: [Edit] = [
        edit("ENV-001", 1, "ISA", .interchange(ta1NoteCode: "024"), "the file does not start with a complete 106-character ISA header", fix: "Send the file exactly as your translator wrote it; the ISA must be first and fixed-width."),
        edit("ENV-002", 1, "ISA element separator", .interchange(ta1NoteCode: "026"), "the element separator (4th ISA character) is a letter, digit, space or control character", fix: "Use a separator that never occurs in data, such as *."),
        edit("ENV-003", 1, "ISA01", .interchange(ta1NoteCode: "010"), "ISA01 authorization qualifier is not 00 or 03", fix: "Set ISA01 to 00 unless your enrollment gives you an authorization code."),
        edit("ENV-004", 1, "ISA02", .interchange(ta1NoteCode: "011"), "ISA02 is not exactly 10 characters", fix: "Pad ISA02 with spaces to 10 characters."),
        edit("ENV-005", 1, "ISA03", .interchange(ta1NoteCode: "012"), "ISA03 security qualifier is not 00 or 01", fix: "Set ISA03 to 00 unless your enrollment gives you a password."),
        edit("ENV-006", 1, "ISA04", .interchange(ta1NoteCode: "013"), "ISA04 is not exactly 10 characters", fix: "Pad ISA04 with spaces to 10 characters."),
        edit("ENV-007", 1, "ISA05", .interchange(ta1NoteCode: "005"), "ISA05 sender id qualifier is not one the guide allows", fix: "Use the qualifier from your enrollment (usually ZZ)."),
        edit("ENV-008", 1, "ISA06", .interchange(ta1NoteCode: "006"), "ISA06 sender id is not 15 characters or not enrolled for this partner", fix: "Use your enrolled submitter id, padded with spaces to 15 characters."),
        edit("ENV-009", 1, "ISA08", .interchange(ta1NoteCode: "008"), "ISA08 receiver id is not this gateway's", fix: "Address the interchange to the gateway's receiver id, padded to 15 characters."),
        edit("ENV-010", 1, "ISA09", .interchange(ta1NoteCode: "014"), "ISA09 is not a valid YYMMDD date", fix: "Write the interchange date as YYMMDD."),
        edit("ENV-011", 1, "ISA10", .interchange(ta1NoteCode: "015"), "ISA10 is not a valid HHMM time", fix: "Write the interchange time as HHMM (24-hour clock)."),
        edit("ENV-012", 1, "ISA11", .interchange(ta1NoteCode: "016"), "ISA11 repetition separator is missing or a letter, digit or space", fix: "Use a repetition separator such as ^ that never occurs in data."),
        edit("ENV-013", 1, "ISA12", .interchange(ta1NoteCode: "017"), "ISA12 version is not 00501", fix: "Send 5010 interchanges with ISA12 = 00501."),
        edit("ENV-014", 1, "ISA13", .interchange(ta1NoteCode: "018"), "ISA13 control number is not 9 digits", fix: "Number interchanges with 9 digits, zero-padded."),
        edit("ENV-015", 1, "ISA14", .interchange(ta1NoteCode: "019"), "ISA14 acknowledgment request is not 0 or 1", fix: "Set ISA14 to 1 to receive a TA1, else 0."),
        edit("ENV-016", 1, "ISA15", .interchange(ta1NoteCode: "020"), "ISA15 usage indicator is not P or T", fix: "Set ISA15 to P for production or T for test."),
        edit("ENV-017", 1, "ISA16", .interchange(ta1NoteCode: "027"), "ISA16 component separator is invalid or repeats another separator", fix: "Use a component separator such as : that differs from the other separators."),
        edit("ENV-018", 1, "IEA", .interchange(ta1NoteCode: "023"), "the interchange has no IEA trailer", fix: "Resend the complete file; it was cut short."),
        edit("ENV-019", 1, "IEA02", .interchange(ta1NoteCode: "001"), "IEA02 does not equal ISA13", fix: "Write the same control number in ISA13 and IEA02.", severity: .warning),
        edit("ENV-020", 1, "IEA01", .interchange(ta1NoteCode: "021"), "IEA01 does not equal the number of functional groups", fix: "Count the GS segments into IEA01."),
        edit("ENV-021", 1, "ISA13", .interchange(ta1NoteCode: "025"), "the sender already sent an interchange with this ISA13 (a resent file)", fix: "Give every interchange a new control number; do not resend a file that was already accepted."),
        edit("ENV-022", 1, "between ISA and GS", .interchange(ta1NoteCode: "024"), "a segment appears outside a GS/GE functional group", fix: "Put every transaction set inside GS…GE; remove stray segments."),
        edit("ENV-027", 1, "ISA segment terminator", .interchange(ta1NoteCode: "004"), "the segment terminator after ISA16 is invalid or repeats another separator", fix: "End segments with a character such as ~ that occurs nowhere else."),
        edit("ENV-030", 1, "ISA07", .interchange(ta1NoteCode: "007"), "ISA07 receiver id qualifier is not one the guide allows", fix: "Use the receiver qualifier from the gateway's companion guide (usually ZZ)."),
        edit("GRP-001", 1, "GS01", .group(ak905: "1"), "GS01 is not HC (health care claim)", fix: "Send 837 claims in a GS with GS01 = HC."),
        edit("GRP-004", 1, "GS06", .group(ak905: "6"), "GS06 group control number is not 1 to 9 digits", fix: "Number groups with 1 to 9 digits."),
        edit("GRP-006", 1, "GS08", .group(ak905: "2"), "GS08 is not 005010X222A1", fix: "Send professional claims with GS08 = 005010X222A1."),
        edit("GRP-007", 1, "GE", .group(ak905: "3"), "the functional group has no GE trailer", fix: "Close every GS with a GE before the IEA."),
        edit("GRP-008", 1, "GE02", .group(ak905: "4"), "GE02 does not equal GS06", fix: "Write the same control number in GS06 and GE02."),
        edit("GRP-009", 1, "GE01", .group(ak905: "5"), "GE01 does not equal the number of transaction sets in the group", fix: "Count the ST segments of the group into GE01."),
        edit("GRP-010", 1, "GS06", .group(ak905: "19"), "GS06 repeats another group's control number in this interchange", fix: "Give every group of an interchange its own control number."),
        edit("TS-001", 1, "ST01", .transactionSet(ik502: "1"), "ST01 is not 837", fix: "Send claims as transaction set 837."),
        edit("TS-002", 1, "ST02", .transactionSet(ik502: "7"), "ST02 control number is not 4 to 9 characters", fix: "Number transaction sets with 4 to 9 characters."),
        edit("TS-003", 2, "ST03", .transactionSet(ik502: "I6"), "ST03 is not 005010X222A1", fix: "Set ST03 to 005010X222A1, the same as GS08."),
        edit("TS-004", 1, "SE", .transactionSet(ik502: "2"), "the transaction set has no SE trailer", fix: "Close every ST with an SE."),
        edit("TS-005", 1, "SE02", .transactionSet(ik502: "3"), "SE02 does not equal ST02", fix: "Write the same control number in ST02 and SE02."),
        edit("TS-006", 1, "SE01", .transactionSet(ik502: "4"), "SE01 does not equal the number of segments from ST to SE", fix: "Recount the segments from ST through SE (both included) into SE01."),
        edit("TS-007", 1, "ST02", .transactionSet(ik502: "23"), "ST02 repeats another transaction set's control number in this group", fix: "Give every transaction set of a group its own control number."),
        edit("TS-010", 7, "2300 CLM", .segment(ik304: "4"), "the transaction set holds more claims than the partner's max_claims_per_transaction_set (5,000 unless configured, as the guide recommends); it is rejected unread", fix: "Send at most 5,000 claims per transaction set: start a new ST/SE for the next ones."),
    ]
}

extension EnvelopeError {
    /// Catalog id of the edit that reports this unreadable header.
    public var editID: String {
        switch self {
        case .missingISA, .truncatedISA, .malformedISA: "ENV-001"
        case .invalidElementSeparator: "ENV-002"
        case .invalidComponentSeparator: "ENV-017"
        case .invalidSegmentTerminator: "ENV-027"
        }
    }
}

extension InterchangeIssue {
    public var editID: String {
        switch self {
        case .controlNumberMismatch: "ENV-019"
        case .groupCountMismatch: "ENV-020"
        case .missingTrailer: "ENV-018"
        case .segmentOutsideGroup: "ENV-022"
        case .duplicateControlNumber: "ENV-021"
        case .invalidField(let element, _):
            [1: "ENV-003", 2: "ENV-004", 3: "ENV-005", 4: "ENV-006", 5: "ENV-007", 6: "ENV-008", 7: "ENV-030", 8: "ENV-009",
             9: "ENV-010", 10: "ENV-011", 11: "ENV-012", 12: "ENV-013", 13: "ENV-014", 14: "ENV-015", 15: "ENV-016"][element] ?? "ENV-001"
        }
    }
}

extension GroupIssue {
    public var editID: String {
        switch self {
        case .notSupported: "GRP-001"
        case .versionNotSupported: "GRP-006"
        case .missingTrailer: "GRP-007"
        case .controlNumberMismatch: "GRP-008"
        case .transactionSetCountMismatch: "GRP-009"
        case .invalidControlNumber: "GRP-004"
        case .duplicateControlNumber: "GRP-010"
        }
    }
}

extension TransactionSetIssue {
    public var editID: String {
        switch self {
        case .notSupported: "TS-001"
        case .invalidControlNumber: "TS-002"
        case .implementationNotSupported: "TS-003"
        case .missingTrailer: "TS-004"
        case .controlNumberMismatch: "TS-005"
        case .segmentCountMismatch: "TS-006"
        case .duplicateControlNumber: "TS-007"
        }
    }
}
