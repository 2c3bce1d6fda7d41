import Foundation

/// One public key from an OpenSSH `authorized_keys` line (`type base64 [comment]`; options are not
/// supported), restricted to the algorithms the gateway accepts: ed25519, ECDSA (nistp256/384/521)
/// and RSA of at least 3072 bits.
///
/// Matching compares the key blob, the exact bytes the client proves possession of, so two
/// spellings of one key (different comments) are the same key.
public struct AuthorizedKey: Hashable, Sendable {
    public let algorithm: String
    /// The decoded SSH wire-format public key blob.
    public let blob: [UInt8]
    public let comment: String

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed
        case unsupportedAlgorithm(String)
        case rsaTooShort(bits: Int)

        public var description: String {
            switch self {
            case .malformed: "not an OpenSSH public key line"
            case .unsupportedAlgorithm(let name): "key type \(name) is not accepted (ed25519, ECDSA, RSA >= 3072)"
            case .rsaTooShort(let bits): "RSA key of \(bits) bits is too short (at least 3072)"
            }
        }
    }

    public static let acceptedAlgorithms: Set<String> = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa",
    ]
    public static let minimumRSABits = 3072

    /// Parses and checks one line.
    public init(line: String) throws(Failure) {
        let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard fields.count >= 2, let data = Data(base64Encoded: fields[1]) else { throw .malformed }
        let blob = [UInt8](data)
        var reader = WireReader(blob)
        guard let embedded = reader.string(), String(decoding: embedded, as: UTF8.self) == fields[0] else {
            throw .malformed
        }
        guard Self.acceptedAlgorithms.contains(fields[0]) else { throw .unsupportedAlgorithm(fields[0]) }
        if fields[0] == "ssh-rsa" {
            guard reader.string() != nil, let modulus = reader.string() else { throw .malformed }
            let bits = Self.bitLength(ofMPInt: modulus)
            guard bits >= Self.minimumRSABits else { throw .rsaTooShort(bits: bits) }
        }
        algorithm = fields[0]
        self.blob = blob
        comment = fields.dropFirst(2).joined(separator: " ")
    }

    /// The line as `authorized_keys` holds it.
    public var line: String {
        let key = "\(algorithm) \(Data(blob).base64EncodedString())"
        return comment.isEmpty ? key : "\(key) \(comment)"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.blob == rhs.blob }
    public func hash(into hasher: inout Hasher) { hasher.combine(blob) }

    static func bitLength(ofMPInt bytes: [UInt8]) -> Int {
        guard let index = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (bytes.count - index - 1) * 8 + (8 - bytes[index].leadingZeroBitCount)
    }
}

/// Reads SSH wire-format `string` fields (uint32 length, bytes).
struct WireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func string() -> [UInt8]? {
        guard bytes.count - offset >= 4 else { return nil }
        let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        offset += 4
        guard bytes.count - offset >= length else { return nil }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }
}
