import Glibc

/// Removes abandoned uploads: hidden partial files (`.<name>.part`, see
/// `PartnerFiles.temporaryName(for:)`) in partners' inbox folders that nobody has written to for
/// longer than a bound. A partner resuming within the bound continues its file; after it, the
/// partial file (PHI at rest that nothing will ever process) is deleted. Runs when the server starts,
/// before any session exists; a partial file still being written elsewhere (another `serve` on a
/// shared volume) has a fresh modification time and is left alone.
enum PartialUploadSweep {
    /// Sweeps every partner folder under `inboxRoot`; returns the number of files removed per partner.
    static func run(inboxRoot: Int32, maximumAge: Duration, now: timespec = .now) -> [String: Int] {
        let cutoff = now.tv_sec - Int(maximumAge.components.seconds)
        var removed: [String: Int] = [:]
        for partner in PartnerFolder.entryNames(of: inboxRoot) where VirtualPath.isPlainName(partner) {
            guard let folder = try? PartnerFolder(named: partner, in: inboxRoot) else { continue }
            var count = 0
            for name in PartnerFolder.entryNames(of: folder.descriptor) where isPartialUpload(name) {
                var info = stat()
                guard fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0,
                    (info.st_mode & S_IFMT) == S_IFREG, info.st_mtim.tv_sec < cutoff,
                    unlinkat(folder.descriptor, name, 0) == 0
                else { continue }
                count += 1
            }
            if count > 0 { removed[partner] = count }
        }
        return removed
    }

    /// Names the SFTP server gives uploads in progress, and nothing else (a dot file a partner could
    /// not have uploaded, such as `.part` alone, is not touched).
    static func isPartialUpload(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".part") else { return false }
        return VirtualPath.isPlainName(String(name.dropFirst().dropLast(5)))
    }
}

extension timespec {
    /// The current wall-clock time, the clock file modification times are kept in.
    static var now: timespec {
        var value = timespec()
        clock_gettime(CLOCK_REALTIME, &value)
        return value
    }
}
