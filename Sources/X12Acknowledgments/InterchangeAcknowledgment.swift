import X12

/// The verdict a TA1 carries about one received interchange envelope (TA104 and TA105).
public struct InterchangeAcknowledgment: Sendable, Hashable {
    /// TA104.
    public enum Code: String, Sendable, Hashable {
        /// Envelope received without errors.
        case accepted = "A"
        /// Accepted with errors noted; the sender must not resend.
        case acceptedWithErrors = "E"
        /// Rejected: nothing inside was processed, so no 999 or 277CA follows.
        case rejected = "R"
    }

    public var code: Code
    /// TA105, the interchange note code (`000` when there is nothing to note).
    public var noteCode: String

    public init(code: Code, noteCode: String) {
        self.code = code
        self.noteCode = noteCode
    }

    /// A clean envelope: `A` / `000`.
    public static let accepted = InterchangeAcknowledgment(code: .accepted, noteCode: "000")

    /// The verdict on an interchange as read: rejected with the first rejecting issue's note code;
    /// accepted with errors when only a tolerated issue (IEA02 ≠ ISA13, header value used) was
    /// found; accepted otherwise. One TA1 carries one note, so the first problem is the one named.
    public init(assessing interchange: Interchange) {
        if let rejecting = interchange.issues.first(where: \.rejectsInterchange) {
            self.init(code: .rejected, noteCode: rejecting.ta1NoteCode)
        } else if let noted = interchange.issues.first {
            self.init(code: .acceptedWithErrors, noteCode: noted.ta1NoteCode)
        } else {
            self = .accepted
        }
    }

    /// Whether a TA1 must be sent: always when something is wrong, and for a clean envelope only
    /// when the sender asked for one (ISA14 = 1).
    public func isDue(for inbound: InboundInterchange) -> Bool {
        code != .accepted || inbound.acknowledgmentRequested
    }
}
