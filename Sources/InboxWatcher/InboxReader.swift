import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The reader thread's loop: `poll` on the inotify descriptor and the wake socket, decode events,
/// report complete files, rescan when the kernel's queue overflowed.
///
/// Everything here is confined to the one dedicated thread (created by ``WatcherCore/start()``),
/// so the watch tables need no lock. It blocks in `poll` with no timeout and in
/// ``FileChannel/send(_:)`` when the consumer is behind: no busy loop, no sleep.
final class InboxReader {
    private let core: WatcherCore
    private let inotify: OwnedDescriptor
    private let wakeReader: OwnedDescriptor
    private let filter: FileNameFilter
    private var logger: Logger
    private var folders: [String: PartnerFolder] = [:]
    private var partnersByWatch: [Int32: String] = [:]
    /// Set when a stop was requested or the consumer went away.
    private var stopping = false
    private let buffer: UnsafeMutableRawBufferPointer

    /// Room for at least 64 events with maximal names; the kernel returns whole events only.
    private static let bufferSize = 64 * (InotifyEvent.headerSize + Int(NAME_MAX) + 1)

    private init(core: WatcherCore, inotify: Int32, wakeReader: Int32) {
        self.core = core
        self.inotify = OwnedDescriptor(adopting: inotify)
        self.wakeReader = OwnedDescriptor(adopting: wakeReader)
        filter = FileNameFilter(core.configuration)
        logger = core.logger
        buffer = .allocate(byteCount: Self.bufferSize, alignment: MemoryLayout<inotify_event>.alignment)
    }

    deinit { buffer.deallocate() }

    /// Runs the loop on the calling (dedicated) thread until stopped. The descriptors are closed,
    /// exactly once, when the reader is released on return.
    static func run(core: WatcherCore, inotify: Int32, wakeReader: Int32) -> InboxWatcherError? {
        let reader = InboxReader(core: core, inotify: inotify, wakeReader: wakeReader)
        return reader.loop()
    }

    private func loop() -> InboxWatcherError? {
        logger.info("Inbox watcher started", metadata: ["inbox.root": "\(core.configuration.root.path)"])
        applyCommands()
        if !stopping {
            logger.info("Inbox watcher initial scan done", metadata: ["inbox.partners": "\(folders.count)"])
        }
        var descriptors = [
            pollfd(fd: inotify.rawValue, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeReader.rawValue, events: Int16(POLLIN), revents: 0),
        ]
        while !stopping {
            descriptors[0].revents = 0
            descriptors[1].revents = 0
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                return failed(.system(.readFailed, "poll"))
            }
            if descriptors[1].revents != 0 {
                drainWakeSocket()
                applyCommands()
            }
            if !stopping, descriptors[0].revents != 0 {
                if let error = readEvents() { return failed(error) }
            }
        }
        logger.info("Inbox watcher stopped")
        return nil
    }

    private func failed(_ error: InboxWatcherError) -> InboxWatcherError {
        logger.error("Inbox watcher failed", metadata: ["error": "\(error)"])
        return error
    }

    // MARK: Commands

    private func drainWakeSocket() {
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &bytes, { read(wakeReader.rawValue, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Stops, or brings the watched folders in line with the configured partners: unwatch the
    /// removed ones, watch and scan the added ones (and retry any whose watch was lost).
    private func applyCommands() {
        let commands = core.commands()
        if commands.stop {
            stopping = true
            return
        }
        for (partner, folder) in folders where !commands.partners.contains(partner) {
            inotify_rm_watch(inotify.rawValue, folder.watch)
            forget(folder)
            logger.info("Stopped watching partner folder", metadata: ["partner.id": "\(partner)"])
        }
        var added: [PartnerFolder] = []
        for partner in commands.partners.sorted() where folders[partner] == nil {
            guard FileNameFilter.isValidPartner(partner) else {
                logger.error(
                    "Partner id is not a valid folder name; not watched", metadata: ["partner.id": "\(partner)"])
                continue
            }
            let folder = PartnerFolder.open(
                partner: partner,
                root: core.configuration.root,
                permissions: core.configuration.folderPermissions,
                inotify: inotify,
                logger: logger
            )
            guard let folder else { continue }
            folders[partner] = folder
            partnersByWatch[folder.watch] = partner
            added.append(folder)
            logger.info("Watching partner folder", metadata: ["partner.id": "\(partner)"])
        }
        // Watch first, then scan: a file completed in between is reported twice, never missed.
        for folder in added where !stopping { scan(folder) }
    }

    private func forget(_ folder: PartnerFolder) {
        folders[folder.partner] = nil
        partnersByWatch[folder.watch] = nil
    }

    // MARK: Events

    private func readEvents() -> InboxWatcherError? {
        let count = read(inotify.rawValue, buffer.baseAddress, buffer.count)
        if count < 0 {
            if errno == EAGAIN || errno == EINTR { return nil }
            return .system(.readFailed, "read(inotify)")
        }
        let events = InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        handle(events)
        return nil
    }

    /// Acts on one batch of events. A file named twice in one batch is reported once: both events
    /// describe the same final state, which the consumer has not seen yet.
    func handle(_ events: [InotifyEvent]) {
        var reported: Set<InboxFile> = []
        for event in events where !stopping {
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                logger.warning("inotify queue overflowed; rescanning all partner folders")
                rescanAll()
                continue
            }
            guard let partner = partnersByWatch[event.watch], let folder = folders[partner] else { continue }
            if event.mask & UInt32(IN_IGNORED) != 0 || event.mask & UInt32(IN_MOVE_SELF | IN_DELETE_SELF) != 0 {
                folderLost(folder, removeWatch: event.mask & UInt32(IN_IGNORED) == 0)
                continue
            }
            guard event.mask & UInt32(IN_ISDIR) == 0,
                event.mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0
            else { continue }
            guard let name = event.name else {
                if event.hasUndecodableName {
                    logger.warning("File name is not UTF-8; ignored", metadata: ["partner.id": "\(partner)"])
                }
                continue
            }
            if let file = consider(name, in: folder), reported.insert(file).inserted {
                deliver(file)
            }
        }
    }

    /// The folder was moved, deleted or unmounted: its path no longer leads to the watched inode.
    /// It is watched again (and created again if missing) at the next ``InboxWatcher/update(partners:)``.
    private func folderLost(_ folder: PartnerFolder, removeWatch: Bool) {
        if removeWatch { inotify_rm_watch(inotify.rawValue, folder.watch) }
        forget(folder)
        logger.error(
            "Partner folder was moved or removed; no longer watched until partners are updated",
            metadata: ["partner.id": "\(folder.partner)"]
        )
    }

    // MARK: Scans and reports

    /// Reports every complete file in every watched folder, after a queue overflow.
    func rescanAll() {
        for partner in folders.keys.sorted() where !stopping {
            if let folder = folders[partner] { scan(folder) }
        }
    }

    private func scan(_ folder: PartnerFolder) {
        guard let names = folder.entryNames() else {
            logger.error("Partner folder could not be listed", metadata: ["partner.id": "\(folder.partner)"])
            return
        }
        for name in names where !stopping {
            if let file = consider(name, in: folder) { deliver(file) }
        }
    }

    /// The file to report for `name`, or nil when its name or type rules it out.
    private func consider(_ name: String, in folder: PartnerFolder) -> InboxFile? {
        guard filter.admits(name) else { return nil }
        switch folder.kind(of: name) {
        case .regular:
            return folder.file(named: name)
        case .symlink:
            logger.warning(
                "Symlink in inbox ignored; the watcher never follows links",
                metadata: ["partner.id": "\(folder.partner)", "inbox.file": "\(name)"]
            )
        case .other, .missing:
            break
        }
        return nil
    }

    private func deliver(_ file: InboxFile) {
        logger.debug("Inbox file complete", metadata: ["partner.id": "\(file.partner)", "inbox.file": "\(file.name)"])
        if !core.channel.send(file) { stopping = true }
    }
}
