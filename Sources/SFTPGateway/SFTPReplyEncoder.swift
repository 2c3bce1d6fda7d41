import CLibSSH

/// Builds one SFTP v3 reply packet at a time (length, type, id, fields) in a reused buffer; the
/// session sends it with one channel write. Pure, so tests check the bytes without a connection.
struct SFTPReplyEncoder {
    private var storage: [UInt8]
    private(set) var count = 0

    init(capacity: Int = 64 * 1024) {
        storage = [UInt8](repeating: 0, count: capacity)
    }

    /// The packet built by the last reply call.
    func withPacket<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    // MARK: Replies

    mutating func version(_ version: UInt32, extensions: [(name: String, data: String)]) {
        begin(UInt8(SSH_FXP_VERSION))
        put(version)
        for item in extensions {
            put(item.name)
            put(item.data)
        }
        finish()
    }

    mutating func status(_ id: UInt32, _ status: SFTPStatus) {
        begin(UInt8(SSH_FXP_STATUS), id: id)
        put(status.code)
        put(status.message)
        put("")  // language tag
        finish()
    }

    mutating func handle(_ id: UInt32, _ handle: [UInt8]) {
        begin(UInt8(SSH_FXP_HANDLE), id: id)
        put(handle)
        finish()
    }

    mutating func attributes(_ id: UInt32, _ attributes: FileAttributes) {
        begin(UInt8(SSH_FXP_ATTRS), id: id)
        put(attributes)
        finish()
    }

    /// A NAME reply: each entry's file name, `ls -l` line and attributes.
    mutating func names(_ id: UInt32, _ entries: [(name: String, longName: String, attributes: FileAttributes)]) {
        begin(UInt8(SSH_FXP_NAME), id: id)
        put(UInt32(entries.count))
        for entry in entries {
            put(entry.name)
            put(entry.longName)
            put(entry.attributes)
        }
        finish()
    }

    /// A DATA reply whose bytes `fill` writes straight into the packet (a `pread`); returns what
    /// `fill` returned. Nothing is built unless it is positive (the caller answers with a status).
    mutating func data(_ id: UInt32, upTo length: Int, fill: (UnsafeMutableRawBufferPointer) -> Int) -> Int {
        begin(UInt8(SSH_FXP_DATA), id: id)
        let lengthField = count
        put(UInt32(0))
        reserve(length)
        let start = count
        let filled = storage.withUnsafeMutableBytes { fill(UnsafeMutableRawBufferPointer(rebasing: $0[start..<start + length])) }
        guard filled > 0 else {
            count = 0
            return filled
        }
        count += filled
        patch(UInt32(filled), at: lengthField)
        finish()
        return filled
    }

    // MARK: Fields

    private mutating func begin(_ type: UInt8, id: UInt32? = nil) {
        count = 0
        put(UInt32(0))
        reserve(1)
        storage[count] = type
        count += 1
        if let id { put(id) }
    }

    private mutating func finish() {
        patch(UInt32(count - 4), at: 0)
    }

    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count { storage.append(contentsOf: repeatElement(0, count: count + extra - storage.count)) }
    }

    private mutating func patch(_ value: UInt32, at offset: Int) {
        for index in 0..<4 { storage[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index)) }
    }

    private mutating func put(_ value: UInt32) {
        reserve(4)
        patch(value, at: count)
        count += 4
    }

    private mutating func put(_ value: UInt64) {
        put(UInt32(truncatingIfNeeded: value >> 32))
        put(UInt32(truncatingIfNeeded: value))
    }

    private mutating func put(_ bytes: [UInt8]) {
        put(UInt32(bytes.count))
        reserve(bytes.count)
        storage.replaceSubrange(count..<count + bytes.count, with: bytes)
        count += bytes.count
    }

    private mutating func put(_ string: String) {
        put(Array(string.utf8))
    }

    /// Size, permissions and times; owner ids are never sent.
    private mutating func put(_ attributes: FileAttributes) {
        put(UInt32(SSH_FILEXFER_ATTR_SIZE | SSH_FILEXFER_ATTR_PERMISSIONS | SSH_FILEXFER_ATTR_ACMODTIME))
        put(attributes.size)
        put(attributes.permissions)
        put(attributes.accessTime)
        put(attributes.modificationTime)
    }
}
