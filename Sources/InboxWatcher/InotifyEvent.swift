/// One record read from an inotify descriptor, decoded from `struct inotify_event`.
///
/// Decoding is pure (bytes in, values out) so it is tested without a kernel.
struct InotifyEvent: Equatable, Sendable {
    var watch: Int32
    var mask: UInt32
    var cookie: UInt32
    /// The file name relative to the watched folder; nil when the event has none (overflow,
    /// `IN_IGNORED`, events on the folder itself) or when it is not valid UTF-8.
    var name: String?
    /// True when the kernel sent a name that is not valid UTF-8 (such files are never reported).
    var hasUndecodableName: Bool = false

    /// `sizeof(struct inotify_event)` without the flexible `name` array: wd, mask, cookie, len.
    static let headerSize = 16

    /// Decodes every complete record in `bytes` (what one `read` returned). A truncated trailing
    /// record cannot come from the kernel (it returns whole events) and is ignored.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + length <= bytes.count else { break }
            // The kernel pads the name with NULs up to an alignment boundary.
            let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[nameStart..<(nameStart + length)])
                .prefix { $0 != 0 }
            var event = InotifyEvent(watch: watch, mask: mask, cookie: cookie, name: nil)
            if !nameBytes.isEmpty {
                event.name = String(validating: nameBytes, as: UTF8.self)
                event.hasUndecodableName = event.name == nil
            }
            events.append(event)
            offset = nameStart + length
        }
        return events
    }
}
