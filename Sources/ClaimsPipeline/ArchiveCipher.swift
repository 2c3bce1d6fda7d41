import ClaimsCrypto
import Foundation
import X12

/// Archived and quarantined inputs are 837 files full of PHI: they are kept only as a
/// `SealedBox` under the PHI key ring, bound to their file id (a sealed file renamed onto
/// another id does not open). `claimsgate archive cat FILE-ID` is the way back to clear text.
public enum ArchiveCipher {
    /// Seals `source` into `writer` slice by slice, handing each slice's pages back as it goes:
    /// sealing a large file costs neither a copy of it nor its whole mapping.
    public static func seal(_ source: X12Source, fileID: Int64, ring: KeyRing, into writer: DurableFile.Writer) throws {
        // The ciphertext follows the header byte for byte with the plaintext it seals.
        let header = SealedBox.overhead - AESGCM.tagLength
        var emitted = 0
        try SealedBox.seal(UnsafeRawBufferPointer(source.bytes), ring: ring, context: context(fileID)) { slice in
            try writer.append(slice)
            emitted += slice.count
            source.release(0..<max(0, emitted - header))
        }
    }

    /// The sealed archive at `url`, mapped (never read whole); nil when it is gone or not a regular
    /// file.
    public static func map(_ url: URL) throws -> X12Source? { try FileProcessor.mapRegularFile(url) }

    /// `open` of a mapped archive, its plaintext handed to `emit` a slice at a time and the sealed
    /// pages handed back as they are read: a large archive is never whole in memory. What `emit`
    /// got is usable only once this returns without throwing (the tag is checked after the last
    /// slice).
    public static func open(
        _ sealed: X12Source, fileID: Int64, ring: KeyRing, emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        // The ciphertext follows the header byte for byte with the plaintext.
        let header = SealedBox.overhead - AESGCM.tagLength
        var opened = 0
        try SealedBox.open(
            UnsafeRawBufferPointer(sealed.bytes), ring: ring, context: context(fileID), what: "archived file \(fileID)"
        ) { slice in
            opened += slice.count
            defer { sealed.release(0..<(header + opened)) }
            try emit(slice)
        }
    }

    static func context(_ fileID: Int64) -> [UInt8] {
        var bytes = Array("claimsgate archive v1".utf8)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: fileID >> Int64(shift))) }
        return bytes
    }
}
