import COpenSSL
import Foundation

/// A partner password as stored in `partners.yaml`: scrypt (OpenSSL `EVP_PBE_scrypt`) with a
/// random salt, written `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64). Only the hash is ever
/// stored; verification recomputes it and compares in constant time (`CRYPTO_memcmp`).
public struct PasswordHash: Hashable, Sendable, CustomStringConvertible {
    public let logN: Int
    public let r: Int
    public let p: Int
    let salt: [UInt8]
    let hash: [UInt8]

    public enum Failure: Error, CustomStringConvertible {
        case malformed
        case derivationFailed

        public var description: String {
            switch self {
            case .malformed: "not a $scrypt$ password hash"
            case .derivationFailed: "scrypt key derivation failed"
            }
        }
    }

    /// Hashes `password` with a new 16-byte salt. N = 2^15, r = 8 costs about 32 MiB and a tenth
    /// of a second per check: cheap for one login, ruinous for guessing.
    public init(hashing password: String, logN: Int = 15, r: Int = 8, p: Int = 1) throws(Failure) {
        var salt = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&salt, Int32(salt.count)) == 1 else { throw .derivationFailed }
        self.logN = logN
        self.r = r
        self.p = p
        self.salt = salt
        hash = try Self.derive(password, salt: salt, logN: logN, r: r, p: p)
    }

    /// Parses the stored form.
    public init(encoded: String) throws(Failure) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { throw .malformed }
        var parameters: [String: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let keyValue = pair.split(separator: "=")
            guard keyValue.count == 2, let value = Int(keyValue[1]) else { throw .malformed }
            parameters[String(keyValue[0])] = value
        }
        guard let logN = parameters["ln"], (10...20).contains(logN), let r = parameters["r"], (1...32).contains(r),
            let p = parameters["p"], (1...16).contains(p),
            let salt = Data(base64Encoded: String(parts[3])), let hash = Data(base64Encoded: String(parts[4])),
            salt.count >= 8, hash.count >= 16
        else { throw .malformed }
        self.logN = logN
        self.r = r
        self.p = p
        self.salt = [UInt8](salt)
        self.hash = [UInt8](hash)
    }

    public var description: String {
        "$scrypt$ln=\(logN),r=\(r),p=\(p)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `password` hashes to the stored value; the comparison takes the same time wherever
    /// the first differing byte is.
    public func verify(_ password: String) -> Bool {
        guard let candidate = try? Self.derive(password, salt: salt, logN: logN, r: r, p: p, length: hash.count),
            candidate.count == hash.count
        else { return false }
        return CRYPTO_memcmp(candidate, hash, hash.count) == 0
    }

    static func derive(
        _ password: String, salt: [UInt8], logN: Int, r: Int, p: Int, length: Int = 32
    ) throws(Failure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: length)
        let n = UInt64(1) << UInt64(logN)
        let memory = UInt64(128 * r) * (n + UInt64(p) + 2) + (1 << 20)
        let status = Array(password.utf8).withUnsafeBufferPointer { secret in
            EVP_PBE_scrypt(
                secret.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, secret.count,
                salt, salt.count, n, UInt64(r), UInt64(p), memory, &output, output.count)
        }
        guard status == 1 else { throw .derivationFailed }
        return output
    }
}
