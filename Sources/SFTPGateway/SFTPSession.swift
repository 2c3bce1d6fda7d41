import CLibSSH
import Glibc
import Logging

/// The SFTP v3 subsystem of one authenticated connection: reads each request from the channel
/// with our own framing and parser, answers it against the partner's virtual root, and keeps its
/// own handle table. libssh carries the SSH channel only. Confined to the connection's thread; a
/// request never blocks another session.
final class SFTPSession {
    let session: ssh_session
    let channel: ssh_channel
    let account: SFTPAccount
    let files: PartnerFiles
    let record: ConnectionRecord
    let context: ServerContext
    let logger: Logger
    var handles = HandleTable()
    /// Sizes of uploads this session completed, so a client that checks its upload with STAT after
    /// CLOSE gets an answer even when the inbox watcher has already taken the file.
    var completedUploads: [String: UInt64] = [:]
    private let framer = SFTPPacketFramer()
    /// One buffer for every reply; a READ's data is read from the file straight into it.
    var replies = SFTPReplyEncoder(capacity: maximumReadLength + 64)
    /// Largest READ answered at once.
    static let maximumReadLength = 256 * 1024 - 1024
    /// Extensions announced in VERSION; `hardlink` is understood only to be refused.
    static let extensions = [(name: "posix-rename@openssh.com", data: "1"), (name: "hardlink@openssh.com", data: "1")]

    init(
        session: ssh_session, channel: ssh_channel, account: SFTPAccount, files: PartnerFiles, record: ConnectionRecord,
        context: ServerContext, logger: Logger
    ) {
        self.session = session
        self.channel = channel
        self.account = account
        self.files = files
        self.record = record
        self.context = context
        self.logger = logger
    }

    /// Serves requests until the client closes the channel or the connection is cut.
    func run() {
        defer { abandonOpenHandles() }
        var initialized = false
        while true {
            switch framer.next(read: readChannel) {
            case .packet(let packet):
                record.markActive()
                guard initialized ? handle(packet) : start(packet) else { return }
                initialized = true
            case .oversized(let length):
                logger.notice("sftp packet length out of bounds; session ended", metadata: ["sftp.length": "\(length)"])
                return
            case .end:
                if ssh_channel_is_eof(channel) == 0 {
                    let reason = String(cString: ssh_get_error(UnsafeMutableRawPointer(session)))
                    logger.notice("sftp session ended without the client closing it", metadata: ["error": "\(reason)"])
                }
                return
            }
        }
    }

    /// INIT must come first; it is answered with version 3 whatever the client offers.
    private func start(_ packet: UnsafeRawBufferPointer) -> Bool {
        var reader = SFTPByteReader(packet)
        guard (try? reader.byte()) == UInt8(SSH_FXP_INIT), (try? reader.uint32()) != nil else { return false }
        replies.version(3, extensions: Self.extensions)
        return send()
    }

    /// Answers one request; false when the session must end (unreadable packet, channel failure).
    private func handle(_ packet: UnsafeRawBufferPointer) -> Bool {
        var reader = SFTPByteReader(packet)
        guard let type = try? reader.byte(), let id = try? reader.uint32() else { return false }
        let result: SFTPStatus?
        do {
            switch try SFTPRequest(type: type, reader: &reader) {
            case .realPath(let path): result = realPath(id, path)
            case .stat(let path): result = stat(id, path)
            case .fileStat(let handle): result = fileStat(id, handle)
            case .openDirectory(let path): result = openDirectory(id, path)
            case .readDirectory(let handle): result = readDirectory(id, handle)
            case .open(let path, let flags): result = open(id, path, flags: flags)
            case .read(let handle, let offset, let length): result = read(id, handle, offset: offset, length: length)
            case .write(let handle, let offset, let data): result = write(handle, offset: offset, data: data)
            case .close(let handle): result = close(handle)
            case .remove(let path): result = remove(path)
            case .rename(let from, let to): result = rename(from, to: to)
            case .setStat(let path, let times): result = setStat(path, times: times)
            case .setFileStat(let handle, let times): result = setFileStat(handle, times: times)
            case .refused: result = .permissionDenied
            case .unsupported: result = .unsupported
            }
        } catch {
            result = .badMessage
        }
        guard let result else { return send() }
        replies.status(id, result)
        return send()
    }

    // MARK: Channel

    private func readChannel(_ space: UnsafeMutableRawBufferPointer) -> Int {
        let count = UInt32(min(space.count, Int(Int32.max)))
        while true {
            let read = ssh_channel_read(channel, space.baseAddress, count, 0)
            if read != 0 || ssh_channel_is_eof(channel) != 0 { return Int(read) }
        }
    }

    /// Sends the reply the encoder holds.
    func send() -> Bool {
        replies.withPacket { packet in
            ssh_channel_write(channel, packet.baseAddress, UInt32(packet.count)) == Int32(packet.count)
        }
    }

    // MARK: Helpers shared by the request handlers

    func replyHandle(_ id: UInt32, _ item: OpenItem) {
        replies.handle(id, handles.insert(item))
    }

    /// A connection ending with files open: downloads are closed; uploads keep their hidden partial
    /// file (a resumed upload continues it; the watcher never sees it).
    private func abandonOpenHandles() {
        for item in handles.removeAll() {
            switch item {
            case .download(let descriptor, _): Glibc.close(descriptor)
            case .upload(let upload): Glibc.close(upload.descriptor)
            case .listing: break
            }
        }
    }
}
