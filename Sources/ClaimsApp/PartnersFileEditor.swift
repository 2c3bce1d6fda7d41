import Foundation
import SFTPGateway
import Yams

/// Edits one partner's SFTP credentials in `partners.yaml` (used by `claimsgate partners`).
///
/// The change is made in the file's text, so comments and layout stay as the operator wrote them:
/// a key becomes one more item of the partner's `authorized_keys` list (block or flow), a password
/// hash replaces the old one or becomes a new line under the partner's `id`. The edited text is
/// parsed again and must mean exactly the intended change; for a layout the text edit does not
/// handle (a partner written as a flow mapping, a multi-line value) the file is written from the
/// parsed document instead, which loses its comments. Either way the file is replaced through a
/// temporary file and a rename, so a running `serve` reloads a complete file.
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
        return try edit(id) { partner in
            var keys = partner["authorized_keys"]?.sequence.map { Array($0) } ?? []
            let existing = keys.compactMap { $0.string.flatMap { try? AuthorizedKey(line: $0) } }
            guard !existing.contains(key) else { return }
            keys.append(Node(key.line))
            partner["authorized_keys"] = Node(keys)
        } inText: { partner, source in
            Self.append(YAMLSourceText.singleQuoted(key.line), toList: "authorized_keys", of: partner, in: &source)
        }
    }

    /// Sets partner `id`'s password to a new scrypt hash of `password`.
    public func setPassword(_ password: String, for id: String) throws {
        guard password.count >= 12 else { throw Failure(description: "password must be at least 12 characters") }
        let hash = try PasswordHash(hashing: password)
        try edit(id) { partner in
            partner["password_hash"] = Node(hash.description, Tag(.str), .singleQuoted)
        } inText: { partner, source in
            Self.set("password_hash", to: YAMLSourceText.singleQuoted(hash.description), of: partner, in: &source)
        }
    }

    /// Applies `change` to partner `id`; writes the file only if something changed. Returns whether
    /// it did.
    @discardableResult
    private func edit(
        _ id: String, _ change: (inout Node.Mapping) -> Void,
        inText: (Node.Mapping, inout YAMLSourceText) -> Bool
    ) throws -> Bool {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard var root = try Yams.compose(yaml: text)?.mapping, var partners = root["partners"]?.sequence else {
            throw Failure(description: "\(file.path) has no partners list")
        }
        guard let index = partners.firstIndex(where: { $0.mapping?["id"]?.string == id }),
            let original = partners[index].mapping
        else { throw Failure(description: "no partner \(id) in \(file.path)") }
        var partner = original
        change(&partner)
        guard partner != original else { return false }
        partners[index] = Node.mapping(partner)
        root["partners"] = Node.sequence(partners)
        let expected = Node.mapping(root)
        var source = YAMLSourceText(text)
        let output: String
        if inText(original, &source), let edited = try? Yams.compose(yaml: source.text),
            Self.canonical(edited) == Self.canonical(expected)
        {
            output = source.text
        } else {
            output = try Yams.serialize(node: expected)
        }
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tmp")
        try Data(output.utf8).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            throw Failure(description: "cannot replace \(file.path): \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// A document's meaning with mapping keys sorted: the text edit adds a key under `id`, the
    /// parsed document at the end of the mapping, and both mean the same.
    private static func canonical(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            Node(mapping.map { (canonical($0.key), canonical($0.value)) }.sorted { ($0.0.string ?? "") < ($1.0.string ?? "") })
        case .sequence(let sequence):
            Node(sequence.map(canonical))
        default:
            node
        }
    }

    // MARK: Text edits in a block-style partner mapping

    /// Replaces the one-line value of `key`, or adds `key: value` as a new line.
    private static func set(_ key: String, to value: String, of partner: Node.Mapping, in source: inout YAMLSourceText)
        -> Bool
    {
        guard !source.isFlowCollection(at: partner.mark) else { return false }
        guard let existing = partner[key] else { return addLine("\(key): \(value)", to: partner, in: &source) }
        guard existing.scalar != nil, let mark = existing.mark, let start = source.offset(of: mark),
            let end = source.scalarEnd(from: start, inFlow: false)
        else { return false }
        source.replace(start..<end, with: value)
        return true
    }

    /// Appends `item` to the list under `key` (block or flow style), or adds `key: [item]`.
    private static func append(
        _ item: String, toList key: String, of partner: Node.Mapping, in source: inout YAMLSourceText
    ) -> Bool {
        guard !source.isFlowCollection(at: partner.mark) else { return false }
        guard let existing = partner[key] else { return addLine("\(key): [\(item)]", to: partner, in: &source) }
        guard case .sequence(let list) = existing, let mark = list.mark, let start = source.offset(of: mark) else {
            return false
        }
        let flow = source.isFlowCollection(at: mark)
        var lastEnd: Int?
        if let last = list.last {
            guard last.scalar != nil, let lastMark = last.mark, let lastStart = source.offset(of: lastMark) else {
                return false
            }
            lastEnd = source.scalarEnd(from: lastStart, inFlow: flow)
            guard lastEnd != nil else { return false }
        }
        if flow {
            guard let close = source.firstUnquoted("]", from: lastEnd ?? start + 1) else { return false }
            source.insert(lastEnd == nil ? item : ", \(item)", at: close)
        } else {
            guard let lastEnd else { return false }
            let indent = String(repeating: " ", count: source.column(of: start))
            source.insert("\(indent)- \(item)\n", at: source.startOfNextLine(after: lastEnd))
        }
        return true
    }

    /// Adds a line at the indentation of the partner's `id` key, right after that key's line.
    private static func addLine(_ line: String, to partner: Node.Mapping, in source: inout YAMLSourceText) -> Bool {
        guard let id = partner.first(where: { $0.key.string == "id" }), let keyMark = id.key.mark,
            let valueMark = id.value.mark, keyMark.line == valueMark.line, let keyStart = source.offset(of: keyMark),
            let valueStart = source.offset(of: valueMark)
        else { return false }
        let indent = String(repeating: " ", count: source.column(of: keyStart))
        source.insert("\(indent)\(line)\n", at: source.startOfNextLine(after: valueStart))
        return true
    }
}
