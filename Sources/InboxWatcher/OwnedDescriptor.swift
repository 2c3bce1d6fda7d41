#if canImport(Glibc)
    import Glibc
#endif

/// A file descriptor closed exactly once, when its owner releases it.
///
/// Not `Sendable`: each one is created on, and confined to, the reader thread (swift-system and
/// GRDB keep C handles the same way), so no other thread can use it after it is closed.
final class OwnedDescriptor {
    let rawValue: Int32

    init(adopting rawValue: Int32) {
        self.rawValue = rawValue
    }

    deinit { close(rawValue) }
}
