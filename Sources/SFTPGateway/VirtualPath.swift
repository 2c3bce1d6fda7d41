/// Where a client's path lands inside a partner's virtual root, which holds exactly `/inbox` and
/// `/outbox`, each a flat folder.
///
/// Resolution is purely textual and happens once: `.` and `..` are applied as in a chroot (`..` at
/// the root stays at the root, so `cd ..` and `cd /` never leave it), and the result must be the root,
/// one of the two folders, or one plain name inside a folder. Names are then used only with
/// `openat`-family calls on the folder's descriptor, never as path strings, so nothing resolved here
/// can be re-resolved differently later (no symlink or rename race).
public enum VirtualPath: Equatable, Sendable {
    case root
    case folder(Folder)
    case file(Folder, name: String)

    public enum Folder: String, Sendable, CaseIterable {
        case inbox, outbox
    }

    /// Longest single name accepted (Linux `NAME_MAX`).
    public static let maximumNameLength = 255

    /// Resolves `path` (absolute, or relative to the root). Nil when it names something that does
    /// not exist in the virtual tree: a deeper path, a hidden name, a name with control bytes.
    public init?(_ path: String) {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        switch components.count {
        case 0:
            self = .root
        case 1:
            guard let folder = Folder(rawValue: String(components[0])) else { return nil }
            self = .folder(folder)
        case 2:
            guard let folder = Folder(rawValue: String(components[0])), Self.isPlainName(components[1]) else {
                return nil
            }
            self = .file(folder, name: String(components[1]))
        default:
            return nil
        }
    }

    /// The canonical absolute form, as REALPATH answers it.
    public var absolute: String {
        switch self {
        case .root: "/"
        case .folder(let folder): "/\(folder.rawValue)"
        case .file(let folder, let name): "/\(folder.rawValue)/\(name)"
        }
    }

    /// A name a client may see or use: not hidden (temporary uploads are hidden), no control bytes,
    /// not longer than `NAME_MAX`.
    public static func isPlainName<S: StringProtocol>(_ name: S) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "."), name.utf8.count <= maximumNameLength else {
            return false
        }
        return !name.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") }
    }
}
