#if canImport(Glibc)
    import Glibc
#endif

/// The bytes of one received file, shared by every segment and element cut from it.
///
/// A final class, so that one object owns the file's buffer and frees or unmaps it. A file on disk
/// is mapped rather than read, and the parts already judged are handed back to the kernel
/// (`release`), so a file of any size costs the gateway only the part being worked on: the pages
/// stay in the page cache and come back on the next touch if an envelope segment is read again.
///
/// The bytes live as long as the source. `Segment` and `Element` point into them without keeping
/// the source alive (copying them must cost no reference counting); the envelope values that hold
/// segments (`InterchangeHeader`, `FunctionalGroup`, `TransactionSet`) and the iterator of a set's
/// segments hold the source, and a segment, an element or a byte slice taken from them must not
/// outlive those.
public final class X12Source: @unchecked Sendable {
    public typealias Bytes = UnsafeBufferPointer<UInt8>
    public typealias ByteSlice = Slice<Bytes>

    public let bytes: Bytes
    private let storage: Storage

    private enum Storage {
        case allocated
        case mapped(UnsafeMutableRawPointer, length: Int)
    }

    public init(bytes: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        self.bytes = Bytes(buffer)
        storage = .allocated
    }

    public convenience init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// Maps the regular file open at `descriptor` (read-only, private); the descriptor may be
    /// closed afterwards. Throws the `errno` of a failed `fstat` or `mmap`.
    public init(mapping descriptor: Int32) throws(MappingError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw MappingError(code: errno) }
        let length = Int(status.st_size)
        guard length > 0 else {
            bytes = Bytes(start: nil, count: 0)
            storage = .allocated
            return
        }
        let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { throw MappingError(code: errno) }
        madvise(address, length, MADV_SEQUENTIAL)
        bytes = Bytes(start: address.assumingMemoryBound(to: UInt8.self), count: length)
        storage = .mapped(address, length: length)
    }

    deinit {
        switch storage {
        case .allocated: bytes.deallocate()
        case .mapped(let address, let length): munmap(address, length)
        }
    }

    /// Drops the whole pages inside `range` from the process (a mapped file only): what reading
    /// has finished with stops counting against the gateway's memory.
    public func release(_ range: Range<Int>) {
        guard case .mapped(let address, let length) = storage else { return }
        let page = Self.pageSize
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound >= length ? length : range.upperBound / page * page
        guard start < end else { return }
        madvise(address + start, end - start, MADV_DONTNEED)
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Why a file could not be mapped.
    public struct MappingError: Error, Sendable {
        public var code: Int32
    }
}
