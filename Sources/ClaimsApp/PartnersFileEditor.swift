import Foundation
import SFTPGateway
import Yams

/// Edits one partner's SFTP credentials in `partners.yaml` (used by `claimsgate partners`). The
/// file is rewritten whole through a temporary file and a rename, so a running `serve` reloads a
/// complete file; YAML comments are not preserved.
public struct PartnersFileEditor {
    public let file: URL

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init(file: URL) {
        self.file = file
    }

    /// Adds an `authorized_keys` line to partner `id`; returns false when the key was already there.
    @discardableResult
    public func addKey(_ line: String, to id: String) throws -> Bool {
        let key: AuthorizedKey
        do {
            key = try AuthorizedKey(line: line.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw Failure(description: "\(error)")
        }
        var added = false
        try edit(id) { partner in
            var keys = partner["authorized_keys"]?.sequence.map { Array($0) } ?? []
            let existing = keys.compactMap { $0.string.flatMap { try? AuthorizedKey(line: $0) } }
            guard !existing.contains(key) else { return }
            keys.append(Node(key.line))
            partner["authorized_keys"] = Node(keys)
            added = true
        }
        return added
    }

    /// Sets partner `id`'s password to a new scrypt hash of `password`.
    public func setPassword(_ password: String, for id: String) throws {
        guard password.count >= 12 else { throw Failure(description: "password must be at least 12 characters") }
        let hash = try PasswordHash(hashing: password)
        try edit(id) { partner in partner["password_hash"] = Node(hash.description, Tag(.str), .singleQuoted) }
    }

    private func edit(_ id: String, _ change: (inout Node.Mapping) -> Void) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard var root = try Yams.compose(yaml: text)?.mapping, var partners = root["partners"]?.sequence else {
            throw Failure(description: "\(file.path) has no partners list")
        }
        guard let index = partners.firstIndex(where: { $0.mapping?["id"]?.string == id }),
            var partner = partners[index].mapping
        else { throw Failure(description: "no partner \(id) in \(file.path)") }
        change(&partner)
        partners[index] = Node.mapping(partner)
        root["partners"] = Node.sequence(partners)
        let output = try Yams.serialize(node: Node.mapping(root))
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tmp")
        try Data(output.utf8).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            throw Failure(description: "cannot replace \(file.path): \(String(cString: strerror(errno)))")
        }
    }
}
