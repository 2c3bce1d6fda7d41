/// The one error type of `ClaimsStore`.
///
/// It keeps what an operator needs to act (a stable `code`, the SQLSTATE, the server's primary
/// message and the constraint/table/column it names) and never the values that were sent: parameters
/// and COPY rows may hold PHI. For that reason the server's DETAIL and CONTEXT fields, which echo
/// key values and row text, are not kept, and quoted literals are masked in data-exception messages
/// (SQLSTATE class 22, for example `invalid input syntax for type date: "…"`).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// An extensible error code: compare with the static members (`error.code == .uniqueViolation`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String

        public init(_ name: String) { self.name = name }

        public var description: String { name }

        /// The server could not be reached or refused the session.
        public static let connectionFailed = Code("connectionFailed")
        /// Any server error without a more specific code below.
        public static let queryFailed = Code("queryFailed")
        /// SQLSTATE 23505.
        public static let uniqueViolation = Code("uniqueViolation")
        /// SQLSTATE 23503.
        public static let foreignKeyViolation = Code("foreignKeyViolation")
        /// SQLSTATE 23514.
        public static let checkViolation = Code("checkViolation")
        /// SQLSTATE 23502.
        public static let notNullViolation = Code("notNullViolation")
        /// SQLSTATE 40001: retry the transaction.
        public static let serializationFailure = Code("serializationFailure")
        /// SQLSTATE 40P01: retry the transaction.
        public static let deadlockDetected = Code("deadlockDetected")
        /// SQLSTATE class 22: a value the column type does not accept.
        public static let invalidData = Code("invalidData")
        /// A `COPY ... FROM STDIN` stream failed on the client side.
        public static let copyFailed = Code("copyFailed")
        /// A migration could not be applied (the server error is in `message`).
        public static let migrationFailed = Code("migrationFailed")
        /// The server answered something this code did not expect (wrong row count, bad number).
        public static let unexpectedResult = Code("unexpectedResult")
        /// A caller asked for something the file state machine forbids (a programming error).
        public static let invalidTransition = Code("invalidTransition")
        /// `Database.shutdown()` was called.
        public static let poolShutDown = Code("poolShutDown")
        /// The configuration cannot work (pool size 0, socket path too long…).
        public static let invalidConfiguration = Code("invalidConfiguration")
        /// The embedded PostgreSQL cluster could not be created, started or stopped.
        public static let embeddedServerFailed = Code("embeddedServerFailed")
    }

    public var code: Code
    /// The five-character SQLSTATE when the server reported the error.
    public var sqlState: String?
    /// libpq's or the server's primary message, without DETAIL/CONTEXT (see the type's comment).
    public var message: String
    /// The constraint the server named, if any (useful to tell which uniqueness was violated).
    public var constraint: String?
    public var table: String?
    public var column: String?

    public init(
        code: Code, sqlState: String? = nil, message: String, constraint: String? = nil, table: String? = nil,
        column: String? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    public var description: String {
        var text = "StoreError.\(code)"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let constraint { text += " (constraint \(constraint))" }
        return text
    }

    /// The code for a SQLSTATE.
    static func code(forSQLState state: String) -> Code {
        switch state {
        case "23505": .uniqueViolation
        case "23503": .foreignKeyViolation
        case "23514": .checkViolation
        case "23502": .notNullViolation
        case "40001": .serializationFailure
        case "40P01": .deadlockDetected
        case _ where state.hasPrefix("22"): .invalidData
        case _ where state.hasPrefix("08"): .connectionFailed
        default: .queryFailed
        }
    }

    /// Masks every double-quoted literal: data-exception messages quote the rejected value.
    static func maskingQuotedLiterals(_ message: String) -> String {
        var result = ""
        var inQuotes = false
        for character in message {
            if character == "\"" {
                result.append(inQuotes ? "…\"" : "\"")
                inQuotes.toggle()
            } else if !inQuotes {
                result.append(character)
            }
        }
        if inQuotes { result.append("…") }
        return result
    }
}
