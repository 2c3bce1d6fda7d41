import Testing

@testable import InboxWatcher

#if canImport(Glibc)
    import Glibc
#endif

/// Decoding of `struct inotify_event` records, with bytes laid out as the kernel does.
@Suite struct InotifyEventTests {
    /// One record: header, then the name NUL-padded to `paddedLength`.
    static func record(watch: Int32, mask: UInt32, cookie: UInt32 = 0, name: [UInt8] = [], paddedLength: Int = 0)
        -> [UInt8]
    {
        let length = name.isEmpty ? 0 : max(paddedLength, name.count + 1)
        var bytes: [UInt8] = []
        withUnsafeBytes(of: watch.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(length).littleEndian) { bytes += $0 }
        bytes += name + [UInt8](repeating: 0, count: length - name.count)
        return bytes
    }

    @Test func headerMatchesTheCStruct() {
        #expect(MemoryLayout<inotify_event>.size == InotifyEvent.headerSize)
    }

    @Test func decodesABatchWithPaddedNamesAndAnOverflow() {
        let bytes =
            Self.record(watch: 1, mask: UInt32(IN_CLOSE_WRITE), name: Array("a.x12".utf8), paddedLength: 16)
            + Self.record(
                watch: 2, mask: UInt32(IN_MOVED_TO), cookie: 7, name: Array("claims-2024.x12".utf8), paddedLength: 32)
            + Self.record(watch: -1, mask: UInt32(IN_Q_OVERFLOW))
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(
            events == [
                InotifyEvent(watch: 1, mask: UInt32(IN_CLOSE_WRITE), cookie: 0, name: "a.x12"),
                InotifyEvent(watch: 2, mask: UInt32(IN_MOVED_TO), cookie: 7, name: "claims-2024.x12"),
                InotifyEvent(watch: -1, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: nil),
            ])
    }

    @Test func flagsNamesThatAreNotUTF8() {
        let bytes = Self.record(watch: 1, mask: UInt32(IN_CLOSE_WRITE), name: [0x66, 0xFF, 0xFE], paddedLength: 16)
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events.count == 1)
        #expect(events.first?.name == nil)
        #expect(events.first?.hasUndecodableName == true)
    }

    @Test func ignoresATruncatedRecord() {
        let whole = Self.record(watch: 1, mask: UInt32(IN_CLOSE_WRITE), name: Array("a".utf8), paddedLength: 16)
        let bytes = whole + whole.prefix(20)
        #expect(bytes.withUnsafeBytes { InotifyEvent.parse($0) }.count == 1)
    }
}
