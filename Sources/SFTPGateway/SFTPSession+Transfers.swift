import CLibSSH
import Glibc

/// Requests on open files: OPEN, READ, WRITE, CLOSE, FSTAT, FSETSTAT.
extension SFTPSession {
    /// `/outbox` files open for reading only; `/inbox` names open for writing only, into the hidden
    /// temporary file (emptied unless the client continues an upload without TRUNC).
    func open(_ message: sftp_client_message) -> SFTPStatus? {
        guard let path = path(message) else { return .noSuchFile }
        guard case .file(let folder, let name) = path else { return .failure("not a file") }
        guard !handles.isFull else { return .failure("too many open handles") }
        let flags = message.pointee.flags
        let writing = flags & UInt32(SSH_FXF_WRITE) != 0
        do {
            switch (folder, writing) {
            case (.outbox, false):
                let descriptor = try files.outbox.openForReading(name)
                replyHandle(message, handles.insert(.download(descriptor: descriptor, name: name)))
            case (.inbox, true):
                let exclusive = flags & UInt32(SSH_FXF_EXCL) != 0
                if exclusive, files.inbox.regularFile(name) != nil { return .failure("a file of that name already exists") }
                let temporary = PartnerFiles.temporaryName(for: name)
                let truncate = flags & UInt32(SSH_FXF_TRUNC) != 0 || exclusive
                let descriptor = try files.inbox.openForWriting(temporary, truncate: truncate)
                completedUploads[name] = nil
                let upload = Upload(descriptor: descriptor, name: name, temporaryName: temporary)
                replyHandle(message, handles.insert(.upload(upload)))
            default:
                return .permissionDenied
            }
            return nil
        } catch {
            return error
        }
    }

    func read(_ message: sftp_client_message) -> SFTPStatus? {
        guard case .download(let descriptor, _) = handles[handleBytes(message)] else { return .invalidHandle }
        let length = min(Int(message.pointee.len), Self.maximumReadLength)
        let offset = message.pointee.offset
        guard offset <= UInt64(Int64.max) else { return .endOfFile }
        let count = readBuffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(offset)) }
        guard count >= 0 else { return .from(errno: errno) }
        guard count > 0 else { return .endOfFile }
        readBuffer.withUnsafeBytes { _ = sftp_reply_data(message, $0.baseAddress, Int32(count)) }
        context.metrics.add(.bytesSent, count)
        return nil
    }

    /// Writes at the requested offset, refusing (and remembering) anything past the size limit.
    func write(_ message: sftp_client_message) -> SFTPStatus? {
        let handle = handleBytes(message)
        guard case .upload(var upload) = handles[handle] else { return .invalidHandle }
        guard let data = message.pointee.data else { return .badMessage }
        let length = ssh_string_len(data)
        let offset = message.pointee.offset
        guard offset <= UInt64(Int.max - length) else { return .failure("offset out of range") }
        let end = Int(offset) + length
        upload.attemptedSize = max(upload.attemptedSize, end)
        upload.wroteSomething = true
        handles[handle] = .upload(upload)
        guard end <= account.maxFileSize else { return .failure("file exceeds the size limit") }
        var written = 0
        while written < length {
            let count = pwrite(upload.descriptor, ssh_string_data(data) + written, length - written, off_t(Int(offset) + written))
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

    func close(_ message: sftp_client_message) -> SFTPStatus? {
        switch handles.remove(handleBytes(message)) {
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

    func fileStat(_ message: sftp_client_message) -> SFTPStatus? {
        let descriptor: Int32
        switch handles[handleBytes(message)] {
        case .download(let fd, _): descriptor = fd
        case .upload(let upload): descriptor = upload.descriptor
        default: return .invalidHandle
        }
        var info = Glibc.stat()
        guard fstat(descriptor, &info) == 0 else { return .from(errno: errno) }
        FileAttributes(info).withLibSSH { _ = sftp_reply_attr(message, $0) }
        return nil
    }

    /// Times only, on an open upload (`put -p`); accepted and ignored for downloads.
    func setFileStat(_ message: sftp_client_message) -> SFTPStatus? {
        guard let item = handles[handleBytes(message)] else { return .invalidHandle }
        guard case .upload(let upload) = item, let attributes = message.pointee.attr,
            attributes.pointee.flags & UInt32(SSH_FILEXFER_ATTR_ACMODTIME) != 0
        else { return .ok }
        var times = [
            timespec(tv_sec: Int(attributes.pointee.atime), tv_nsec: 0),
            timespec(tv_sec: Int(attributes.pointee.mtime), tv_nsec: 0),
        ]
        return futimens(upload.descriptor, &times) == 0 ? .ok : .from(errno: errno)
    }
}
