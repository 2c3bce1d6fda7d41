import CLibSSH
import Foundation
import Glibc

/// The server's ed25519 host key: generated on first start (mode 0600, in a 0700 folder) and reused
/// afterwards, so partners pin one fingerprint.
enum HostKey {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Makes sure a key exists at `url`, and returns its SHA-256 fingerprint (`SHA256:…`).
    static func prepare(at url: URL) throws -> (fingerprint: String, generated: Bool) {
        var generated = false
        if !FileManager.default.fileExists(atPath: url.path) {
            try generate(at: url)
            generated = true
        }
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw Failure(description: "cannot read host key \(url.path)") }
        guard info.st_mode & 0o077 == 0 else {
            throw Failure(description: "host key \(url.path) is readable by others (mode must be 0600)")
        }
        var key: ssh_key?
        guard ssh_pki_import_privkey_file(url.path, nil, nil, nil, &key) == SSH_OK, let key else {
            throw Failure(description: "host key \(url.path) is not an OpenSSH private key")
        }
        defer { ssh_key_free(key) }
        return (try fingerprint(of: key), generated)
    }

    static func generate(at url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var key: ssh_key?
        guard ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) == SSH_OK, let key else {
            throw Failure(description: "cannot generate an ed25519 host key")
        }
        defer { ssh_key_free(key) }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        // Written with a 0077 umask so the private key is never readable by others, even briefly.
        let previous = umask(0o077)
        let status = ssh_pki_export_privkey_file(key, nil, nil, nil, temporary.path)
        umask(previous)
        guard status == SSH_OK, chmod(temporary.path, 0o600) == 0, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw Failure(description: "cannot write the host key to \(url.path)")
        }
    }

    static func fingerprint(of key: ssh_key) throws -> String {
        var hash: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == SSH_OK, let digest = hash else {
            throw Failure(description: "cannot hash the host key")
        }
        defer { ssh_clean_pubkey_hash(&hash) }
        guard let text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, digest, length) else {
            throw Failure(description: "cannot format the host key fingerprint")
        }
        defer { ssh_string_free_char(text) }
        return String(cString: text)
    }
}
