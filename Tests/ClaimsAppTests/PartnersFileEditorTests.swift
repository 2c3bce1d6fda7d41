import ClaimsApp
import ClaimsTestSupport
import Foundation
import SFTPGateway
import Testing
import Yams

/// `claimsgate partners add-key/passwd` change one value of `partners.yaml` and leave the operator's
/// comments and layout alone.
@Suite struct PartnersFileEditorTests {
    let directory: TemporaryDirectory
    let file: URL
    let oldKey: String
    let betaKey: String
    let newKey: String

    init() throws {
        let directory = try TemporaryDirectory(prefix: "cg-partners")
        let keys = try (0..<3).map { try Self.makeKey(in: directory.url.appendingPathComponent("key\($0)")) }
        self.directory = directory
        file = directory.url.appendingPathComponent("partners.yaml")
        (oldKey, betaKey, newKey) = (keys[0], keys[1], keys[2])
    }

    var original: String {
        """
        # Trading partners of the staging gateway.
        partners:
          # Acme clearinghouse: keys rotate every March.
          - id: acme
            sender_ids: [{ qualifier: ZZ, id: ACME }]   # two more ids from 2027
            authorized_keys:
              - '\(oldKey)'   # ops laptop
            max_file_size: 1000
          - id: beta  # flow-style key list
            authorized_keys: ["\(betaKey)"]
          - id: gamma
            password_hash: 'placeholder'   # set 2026-01
          - { id: delta, sender_ids: [{ qualifier: ZZ, id: DELTA }] }

        """
    }

    @Test func addKeyAppendsToABlockList() throws {
        try Data(original.utf8).write(to: file)
        #expect(try PartnersFileEditor(file: file).addKey(newKey + "\n", to: "acme"))
        let expected = original.replacingOccurrences(
            of: "   # ops laptop\n", with: "   # ops laptop\n      - '\(try AuthorizedKey(line: newKey).line)'\n")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(text)")
    }

    @Test func addKeyAppendsToAFlowList() throws {
        try Data(original.utf8).write(to: file)
        #expect(try PartnersFileEditor(file: file).addKey(newKey, to: "beta"))
        let expected = original.replacingOccurrences(
            of: "[\"\(betaKey)\"]", with: "[\"\(betaKey)\", '\(try AuthorizedKey(line: newKey).line)']")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(text)")
    }

    @Test func addKeyStartsAListUnderThePartnersId() throws {
        try Data(original.utf8).write(to: file)
        #expect(try PartnersFileEditor(file: file).addKey(newKey, to: "gamma"))
        let expected = original.replacingOccurrences(
            of: "  - id: gamma\n", with: "  - id: gamma\n    authorized_keys: ['\(try AuthorizedKey(line: newKey).line)']\n")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(text)")
    }

    @Test func aKeyAlreadyThereLeavesTheFileUntouched() throws {
        try Data(original.utf8).write(to: file)
        #expect(try !PartnersFileEditor(file: file).addKey(oldKey, to: "acme"))
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
    }

    @Test(arguments: ["gamma", "acme"])
    func passwordReplacesOrAddsOneLine(partner: String) throws {
        try Data(original.utf8).write(to: file)
        try PartnersFileEditor(file: file).setPassword("correct horse battery", for: partner)
        let text = try String(contentsOf: file, encoding: .utf8)
        let hash = try #require(try passwordHash(of: partner, in: text))
        #expect(try PasswordHash(encoded: hash).verify("correct horse battery"))
        let expected = partner == "gamma"
            ? original.replacingOccurrences(of: "'placeholder'", with: "'\(hash)'")
            : original.replacingOccurrences(of: "  - id: acme\n", with: "  - id: acme\n    password_hash: '\(hash)'\n")
        #expect(text == expected, "\(text)")
    }

    /// A partner written as a flow mapping is edited through the parsed document: the change is
    /// made (the comments are lost, as documented).
    @Test func aFlowMappingPartnerIsStillEdited() throws {
        try Data(original.utf8).write(to: file)
        #expect(try PartnersFileEditor(file: file).addKey(newKey, to: "delta"))
        let partners = try #require(try Yams.compose(yaml: String(contentsOf: file, encoding: .utf8))?["partners"]?.sequence)
        let delta = try #require(partners.first { $0["id"]?.string == "delta" })
        #expect(delta["authorized_keys"]?.sequence?.compactMap(\.string) == [try AuthorizedKey(line: newKey).line])
        #expect(partners.first { $0["id"]?.string == "acme" }?["authorized_keys"]?.sequence?.count == 1)
    }

    private static func makeKey(in path: URL) throws -> String {
        let result = try SFTPTestbed.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.path])
        guard result.succeeded else { throw CocoaError(.fileWriteUnknown) }
        return try String(contentsOf: path.appendingPathExtension("pub"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func passwordHash(of partner: String, in text: String) throws -> String? {
        try Yams.compose(yaml: text)?["partners"]?.sequence?.first { $0["id"]?.string == partner }?["password_hash"]?.string
    }
}
