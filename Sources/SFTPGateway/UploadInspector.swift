/// A finished upload, handed to the inspector at CLOSE before it is given its final name.
///
/// The file is still under its hidden temporary name in the partner's inbox folder; `descriptor`
/// is open for reading on it (positioned reads only: `pread`). `folderDescriptor` is that inbox
/// folder, so a refused upload can be moved away with `renameat` without any path lookup.
public struct CompletedUpload: Sendable {
    public let user: String
    public let name: String
    public let size: Int
    public let descriptor: Int32
    public let folderDescriptor: Int32
    public let temporaryName: String
}

/// The inspector's decision for one upload.
public enum UploadVerdict: Sendable, Equatable {
    case accept
    /// Refused: the client gets an SFTP failure status carrying `reason` (no content, no PHI).
    case refuse(reason: String)
}

/// The application's check of uploads at CLOSE (size, format, sender). The SFTP server knows
/// nothing of what the files mean; the app does.
///
/// Called on the session's own thread, so it may do blocking file I/O. When it refuses, it owns
/// the temporary file and must take it away (quarantine it) before returning; whatever is left is
/// removed by the server.
public protocol UploadInspector: Sendable {
    func inspect(_ upload: CompletedUpload) -> UploadVerdict
}

/// Accepts every upload; for tests of the file-system layer and for servers with no policy.
public struct AcceptAllUploads: UploadInspector {
    public init() {}
    public func inspect(_ upload: CompletedUpload) -> UploadVerdict { .accept }
}
