import Foundation

extension SyntheticClaimFile {
    /// Streams the file to `handle` one transaction set at a time (what `claimsgate generate` uses).
    public func write(to handle: FileHandle, progress: (_ claimsWritten: Int) -> Void = { _ in }) throws {
        try write { chunk, claimsWritten in
            try handle.write(contentsOf: chunk)
            progress(claimsWritten)
        }
    }
}
