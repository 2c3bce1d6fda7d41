import Foundation

/// 837P files written by `Tests/Fixtures/make_837p.py`, a generator independent of
/// `claimsgate generate`, so acceptance tests do not only read what our own writer wrote.
public enum IndependentFixture {
    /// Writes a file of `claims` claims (three transaction sets) to `url`; `badSE01InSet` makes
    /// the SE01 of that (1-based) transaction set wrong.
    public static func write(claims: Int, to url: URL, seed: Int = 7, badSE01InSet: Int? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = [
            "python3", Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/make_837p.py").path,
            "--claims", String(claims), "--seed", String(seed), "--out", url.path,
        ]
        if let badSE01InSet { arguments += ["--bad-se01-st", String(badSE01InSet)] }
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "make_837p.py failed"])
        }
    }
}
