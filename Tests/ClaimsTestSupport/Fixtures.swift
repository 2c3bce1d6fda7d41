import Foundation

/// The public X12 samples in `../shared/x12-samples/` (see its SOURCES.md), found from this file's
/// location so tests run from any working directory.
public enum Fixtures {
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var sharedSamples: URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/x12-samples")
    }

    /// Bytes of `shared/x12-samples/<relativePath>`.
    public static func sample(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: sharedSamples.appendingPathComponent(relativePath)))
    }
}
