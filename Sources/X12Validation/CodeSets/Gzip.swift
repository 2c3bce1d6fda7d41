import CZlib
import Foundation

/// Whole-file gzip reading and writing through zlib, for the compressed code set files.
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func isCompressed(_ bytes: [UInt8]) -> Bool { bytes.count > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// The contents of `path`, decompressed when it is gzip.
    static func read(_ path: String) throws -> [UInt8] {
        guard let file = gzopen(path, "rb") else { throw Failure(description: "cannot open \(path)") }
        defer { gzclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if count < 0 { throw Failure(description: "cannot decompress \(path)") }
            if count == 0 { return result }
            result.append(contentsOf: buffer[0..<Int(count)])
        }
    }

    /// Writes `bytes` to `path`, gzip-compressed.
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard let file = gzopen(path, "wb9") else { throw Failure(description: "cannot create \(path)") }
        let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        guard gzclose(file) == Z_OK, written == bytes.count else { throw Failure(description: "cannot write \(path)") }
    }
}
