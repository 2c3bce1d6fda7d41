/// The one error type of `ClaimsCrypto`: what failed and, for key problems, which key id, never
/// key material or plaintext.
public struct CryptoError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// An AES-GCM tag did not verify: wrong key, or the ciphertext or its bound data was altered.
        public static let authenticationFailed = Code("authenticationFailed")
        /// A value names a key id the key file does not hold.
        public static let unknownKey = Code("unknownKey")
        /// A key in the key file is not the one that wrote the data (fingerprint mismatch).
        public static let wrongKey = Code("wrongKey")
        /// The key file is missing, unreadable, malformed or too widely readable.
        public static let keyFile = Code("keyFile")
        /// A sealed value or file is truncated or has an unknown format.
        public static let malformed = Code("malformed")
        /// OpenSSL itself failed (out of memory, no entropy).
        public static let library = Code("library")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
