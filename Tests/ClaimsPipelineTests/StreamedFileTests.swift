import ClaimsCrypto
import ClaimsPipeline
import ClaimsTestSupport
import Foundation
import Testing
import X12

#if canImport(Glibc)
    import Glibc
#endif

/// A received file is fingerprinted through a small buffer, then mapped and sealed a slice at a
/// time with the pages already read handed back: the results must be those of the whole file
/// held in memory.
@Suite struct StreamedFileTests {
    /// Pseudo-random bytes spanning several digest (8 MiB) and cipher (1 MiB) slices, not page
    /// aligned.
    static let bytes: [UInt8] = {
        let count = (9 << 20) + 12_345
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                buffer[index] = UInt8(truncatingIfNeeded: state >> 33)
            }
            initialized = count
        }
    }()

    static func mapped(_ bytes: [UInt8], in directory: TemporaryDirectory) throws -> X12Source {
        let url = directory.url.appendingPathComponent("received.x12")
        try Data(bytes).write(to: url)
        let descriptor = open(url.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        return try X12Source(mapping: descriptor)
    }

    @Test func releasedPagesReadBackUnchanged() throws {
        let directory = try TemporaryDirectory()
        let source = try Self.mapped(Self.bytes, in: directory)
        source.release(0..<source.bytes.count)
        #expect(source.bytes.elementsEqual(Self.bytes))
        #expect(try Self.mapped([], in: directory).bytes.isEmpty)
    }

    @Test func fingerprintReadInSlicesEqualsTheWholeDigest() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("received.x12")
        try Data(Self.bytes).write(to: url)
        let descriptor = open(url.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let (hex, length) = try SHA256.hex(reading: descriptor, path: url.path)
        #expect(hex == SHA256.hex(Self.bytes) && length == Self.bytes.count)
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sealedInSlicesOpensToTheFile() throws {
        let directory = try TemporaryDirectory()
        let source = try Self.mapped(Self.bytes, in: directory)
        let ring = KeyRing(purpose: "phi", currentID: 3, keys: [.generate(id: 3)])
        let archived = directory.url.appendingPathComponent("archive/received.x12")
        try DurableFile.replace(directory.url.appendingPathComponent("received.x12"), at: archived) {
            try ArchiveCipher.seal(source, fileID: 42, ring: ring, into: $0)
        }
        #expect(try Data(contentsOf: archived).count == Self.bytes.count + SealedBox.overhead)
        #expect(try ArchiveCipher.openedWhole(archived, fileID: 42, ring: ring) == Self.bytes)
        #expect(throws: CryptoError.self) { try ArchiveCipher.openedWhole(archived, fileID: 41, ring: ring) }
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("received.x12").path))
    }

    /// A writer dropped before `commit` leaves nothing behind, under its name or hidden; one staged
    /// out of sight appears in its directory only when committed.
    @Test func uncommittedWriterLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        let (outbox, staging) = (directory.url.appendingPathComponent("outbox"), directory.url.appendingPathComponent("processing"))
        for stagingDirectory in [nil, staging] {
            let writer = try DurableFile.Writer(named: "277CA.x12", in: outbox, staging: stagingDirectory)
            try writer.append(Array("ISA".utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)

        let staged = try DurableFile.Writer(named: "277CA.x12", in: outbox, staging: staging)
        try staged.append(Array("ISA".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).isEmpty)
        try staged.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path) == ["277CA.x12"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
    }
}

extension ArchiveCipher {
    /// The clear bytes of the sealed archive at `url`, opened from its mapping a slice at a time
    /// and gathered whole (test files are small).
    static func openedWhole(_ url: URL, fileID: Int64, ring: KeyRing) throws -> [UInt8] {
        guard let sealed = try map(url) else { throw CocoaError(.fileNoSuchFile) }
        var clear: [UInt8] = []
        try open(sealed, fileID: fileID, ring: ring) { clear += $0 }
        return clear
    }
}
