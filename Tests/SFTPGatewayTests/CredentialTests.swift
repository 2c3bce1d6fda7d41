import ClaimsTestSupport
import Foundation
import SFTPGateway
import Testing

/// Authorized key parsing against keys made by the real `ssh-keygen`, and password hashing.
@Suite struct CredentialTests {
    static func keyLine(_ arguments: [String]) throws -> String {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("key").path
        try SFTPTestbed.run("/usr/bin/ssh-keygen", ["-q", "-N", "", "-C", "test@example", "-f", path] + arguments)
        return try String(contentsOfFile: path + ".pub", encoding: .utf8)
    }

    @Test(arguments: [["-t", "ed25519"], ["-t", "ecdsa", "-b", "256"], ["-t", "ecdsa", "-b", "521"], ["-t", "rsa", "-b", "3072"]])
    func acceptedKeyTypes(arguments: [String]) throws {
        let line = try Self.keyLine(arguments)
        let key = try AuthorizedKey(line: line)
        #expect(key.comment == "test@example")
        #expect(try AuthorizedKey(line: key.line) == key)
    }

    @Test func shortRSAIsRefused() throws {
        let line = try Self.keyLine(["-t", "rsa", "-b", "2048"])
        #expect(throws: AuthorizedKey.Failure.rsaTooShort(bits: 2048)) { try AuthorizedKey(line: line) }
    }

    @Test(arguments: ["", "ssh-ed25519", "ssh-ed25519 !!!notbase64", "ssh-dss AAAAB3NzaC1kc3MAAACBAP8="])
    func malformedOrUnsupportedLinesAreRefused(line: String) {
        #expect(throws: AuthorizedKey.Failure.self) { try AuthorizedKey(line: line) }
    }

    @Test func typeMustMatchTheBlob() throws {
        let line = try Self.keyLine(["-t", "ed25519"])
        let relabelled = line.replacingOccurrences(of: "ssh-ed25519", with: "ssh-rsa")
        #expect(throws: AuthorizedKey.Failure.malformed) { try AuthorizedKey(line: relabelled) }
    }

    @Test func passwordHashVerifiesOnlyThePassword() throws {
        let hash = try PasswordHash(hashing: "correct horse battery", logN: 10)
        let stored = try PasswordHash(encoded: hash.description)
        #expect(stored.verify("correct horse battery"))
        #expect(!stored.verify("correct horse batterz"))
        #expect(!stored.verify(""))
        #expect(!hash.description.contains("correct"))
        #expect(try PasswordHash(hashing: "correct horse battery", logN: 10).description != hash.description)
    }

    @Test(arguments: ["", "$2b$12$abc", "$scrypt$ln=15,r=8,p=1$c2FsdA==", "$scrypt$ln=99,r=8,p=1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA=="])
    func malformedHashesAreRefused(encoded: String) {
        #expect(throws: PasswordHash.Failure.self) { try PasswordHash(encoded: encoded) }
    }
}
