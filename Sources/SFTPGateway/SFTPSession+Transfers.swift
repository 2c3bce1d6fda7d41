import CLibSSH
import Glibc

/// Requests on open files: OPEN, READ, WRITE, CLOSE, FSTAT, FSETSTAT.
extension SFTPSession {
    /// `/outbox` files open for reading only; `/inbox` names open for writing only, into the hidden
    /// temporary file (emptied unless the client continues an upload without TRUNC).
    func open(_ id: UInt32, _ path: String, flags: UInt32) -> SFTPStatus? {
        guard let path = VirtualPath(path) else { return .noSuchFile }
        guard case .file(let folder, let name) = path else { return .failure("not a file") }
        guard !handles.isFull else { return .failure("too many open handles") }
        let writing = flags & UInt32(SSH_FXF_WRITE) != 0
        do {
            switch (folder, writing) {
            case (.outbox, false):
                let descriptor = try files.outbox.openForReading(name)
                replyHandle(id, .download(descriptor: descriptor, name: name))
            case (.inbox, true):
                let exclusive = flags & UInt32(SSH_FXF_EXCL) != 0
                if exclusive, files.inbox.regularFile(name) != nil { return .failure("a file of that name already exists") }
                let temporary = PartnerFiles.temporaryName(for: name)
                let truncate = flags & UInt32(SSH_FXF_TRUNC) != 0 || exclusive
                let descriptor = try files.inbox.openForWriting(temporary, truncate: truncate)
                completedUploads[name] = nil
                let upload = Upload(descriptor: descriptor, name: name, temporaryName: temporary)
                replyHandle(id, .upload(upload))
            default:
                return .permissionDenied
            }
            return nil
        } catch {
            return error
        }
    }

    /// Reads from the file straight into the DATA reply.
    func read(_ id: UInt32, _ handle: [UInt8], offset: UInt64, length: UInt32) -> SFTPStatus? {
        guard case .download(let descriptor, _) = handles[handle] else { return .invalidHandle }
        guard offset <= UInt64(Int64.max) else { return .endOfFile }
        let count = replies.data(id, upTo: min(Int(length), Self.maximumReadLength)) { space in
            pread(descriptor, space.baseAddress, space.count, off_t(offset))
        }
        guard count >= 0 else { return .from(errno: errno) }
        guard count > 0 else { return .endOfFile }
        context.metrics.add(.bytesSent, count)
        return nil
    }

    /// Writes at the requested offset, refusing (and remembering) anything past the size limit.
    /// `data` is the WRITE's payload where the framer received it: written from there, no copy.
    func write(_ handle: [UInt8], offset: UInt64, data: UnsafeRawBufferPointer) -> SFTPStatus? {
        guard case .upload(var upload) = handles[handle] else { return .invalidHandle }
        let length = data.count
        guard offset <= UInt64(Int.max - length) else { return .failure("offset out of range") }
        let end = Int(offset) + length
        upload.attemptedSize = max(upload.attemptedSize, end)
        upload.wroteSomething = true
        handles[handle] = .upload(upload)
        guard end <= account.maxFileSize else { return .failure("file exceeds the size limit") }
        var written = 0
        while written < length {
            let count = pwrite(upload.descriptor, data.baseAddress! + written, length - written, off_t(Int(offset) + written))
            guard count > 0 else { return .from(errno: errno) }
            written += count
        }
        context.metrics.add(.bytesReceived, length)
        if end - upload.flushedUpTo >= Self.writebackChunk {
            cg_start_writeback(upload.descriptor, Int64(upload.flushedUpTo), Int64(end - upload.flushedUpTo))
            upload.flushedUpTo = end
            handles[handle] = .upload(upload)
        }
        return .ok
    }

    /// Write-back is started every this many bytes of a sequential upload.
    static let writebackChunk = 8 << 20

    func close(_ handle: [UInt8]) -> SFTPStatus? {
        switch handles.remove(handle) {
        case .download(let descriptor, let name):
            Glibc.close(descriptor)
            context.metrics.add(.downloads)
            context.audit.record(.downloaded(user: files.user, name: name))
            return .ok
        case .upload(let upload):
            return finish(upload)
        case .listing:
            return .ok
        case nil:
            return .invalidHandle
        }
    }

    /// Makes the upload durable, lets the application inspect it, and gives it its final name (or
    /// refuses it, leaving the inspector to quarantine it).
    func finish(_ upload: Upload) -> SFTPStatus {
        defer { Glibc.close(upload.descriptor) }
        var info = Glibc.stat()
        guard fstat(upload.descriptor, &info) == 0, fdatasync(upload.descriptor) == 0 else {
            return .failure("upload could not be stored")
        }
        let size = max(Int(info.st_size), upload.attemptedSize)
        let completed = CompletedUpload(
            user: files.user, name: upload.name, size: size, descriptor: upload.descriptor,
            folderDescriptor: files.inbox.descriptor, temporaryName: upload.temporaryName)
        if case .refuse(let reason) = context.inspector.inspect(completed) {
            _ = unlinkat(files.inbox.descriptor, upload.temporaryName, 0)
            context.metrics.add(.uploadsRefused)
            context.audit.record(.uploadRefused(user: files.user, name: upload.name, size: size, reason: reason))
            return .failure("upload refused: \(reason)")
        }
        do {
            try files.inbox.rename(upload.temporaryName, to: upload.name)
        } catch {
            return error.code == UInt32(SSH_FX_FAILURE) ? .failure("a file of that name is still waiting to be processed") : error
        }
        fsync(files.inbox.descriptor)
        completedUploads[upload.name] = UInt64(size)
        context.metrics.add(.uploadsAccepted)
        context.audit.record(.uploadAccepted(user: files.user, name: upload.name, size: size))
        return .ok
    }

    func fileStat(_ id: UInt32, _ handle: [UInt8]) -> SFTPStatus? {
        let descriptor: Int32
        switch handles[handle] {
        case .download(let fd, _): descriptor = fd
        case .upload(let upload): descriptor = upload.descriptor
        default: return .invalidHandle
        }
        var info = Glibc.stat()
        guard fstat(descriptor, &info) == 0 else { return .from(errno: errno) }
        replies.attributes(id, FileAttributes(info))
        return nil
    }

    /// Times only, on an open upload (`put -p`); accepted and ignored for downloads.
    func setFileStat(_ handle: [UInt8], times: FileTimes?) -> SFTPStatus? {
        guard let item = handles[handle] else { return .invalidHandle }
        guard case .upload(let upload) = item, let times else { return .ok }
        var values = [
            timespec(tv_sec: Int(times.access), tv_nsec: 0), timespec(tv_sec: Int(times.modification), tv_nsec: 0),
        ]
        return futimens(upload.descriptor, &values) == 0 ? .ok : .from(errno: errno)
    }
}
