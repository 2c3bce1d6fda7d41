/// What an open SFTP handle refers to.
enum OpenItem {
    /// A file in `/outbox` being downloaded.
    case download(descriptor: Int32, name: String)
    /// An upload in `/inbox`, written under a hidden temporary name until CLOSE.
    case upload(Upload)
    /// A folder listing, taken when the folder was opened and handed out in batches.
    case listing(entries: [(name: String, attributes: FileAttributes)], next: Int)
}

/// An upload in progress: the hidden file it is written to and the furthest byte asked for.
struct Upload {
    let descriptor: Int32
    let name: String
    let temporaryName: String
    /// The largest `offset + length` any WRITE asked for, written or not (a WRITE beyond the size
    /// limit is refused, and the CLOSE refuses the upload).
    var attemptedSize: Int = 0
    var wroteSomething = false
    /// Bytes from the start already handed to write-back (`cg_start_writeback`).
    var flushedUpTo: Int = 0
}

/// The session's own handle table (libssh's holds 256 and cannot be bounded per session). Handles
/// are opaque 4-byte big-endian numbers never reused within a session.
struct HandleTable {
    static let maximumOpen = 64
    private var items: [UInt32: OpenItem] = [:]
    private var nextHandle: UInt32 = 1

    var isFull: Bool { items.count >= Self.maximumOpen }

    mutating func insert(_ item: OpenItem) -> [UInt8] {
        let handle = nextHandle
        nextHandle &+= 1
        items[handle] = item
        return withUnsafeBytes(of: handle.bigEndian) { Array($0) }
    }

    subscript(handle: [UInt8]) -> OpenItem? {
        get { Self.key(handle).flatMap { items[$0] } }
        set {
            guard let key = Self.key(handle) else { return }
            items[key] = newValue
        }
    }

    mutating func remove(_ handle: [UInt8]) -> OpenItem? {
        Self.key(handle).flatMap { items.removeValue(forKey: $0) }
    }

    mutating func removeAll() -> [OpenItem] {
        defer { items.removeAll() }
        return Array(items.values)
    }

    private static func key(_ handle: [UInt8]) -> UInt32? {
        guard handle.count == 4 else { return nil }
        return handle.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
