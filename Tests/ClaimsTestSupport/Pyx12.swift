import Foundation

/// Runs the independent validator `x12valid` (pyx12, from PyPI) on a file.
///
/// pyx12 is never part of the runtime: tests use it to prove that what claimsgate reads and writes
/// is valid X12 by a tool nobody here wrote. Its exit code is not meaningful (it exits 1 on
/// success too), so the verdict is read from its output: `<file>: OK` or `<file>: Failure`,
/// preceded by one `ERROR` line per finding.
public enum Pyx12 {
    public struct Verdict: Sendable {
        public var isValid: Bool
        /// The text of each ERROR line, without its timestamp.
        public var errors: [String]
    }

    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case unreadableOutput(String)

        public var description: String {
            switch self {
            case .notInstalled: "x12valid (pip install pyx12) is not on PATH"
            case .unreadableOutput(let text): "x12valid printed no verdict: \(text.prefix(500))"
            }
        }
    }

    /// Validates the X12 file at `path`. pyx12 writes a 997 beside its input, so it is given a
    /// copy in a temporary directory, never the original.
    public static func validate(_ path: URL) throws -> Verdict {
        try validate(bytes: [UInt8](try Data(contentsOf: path)), name: path.lastPathComponent)
    }

    static func validateInPlace(_ path: URL) throws -> Verdict {
        guard let executable = locate("x12valid") else { throw Failure.notInstalled }
        let process = Process()
        process.executableURL = executable
        process.arguments = [path.path]
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        let lines = output.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains(" ERROR ") }.map { line in
            line.components(separatedBy: " ERROR ").dropFirst().joined(separator: " ERROR ")
        }
        if lines.contains(where: { $0.hasSuffix(": OK") }) { return Verdict(isValid: errors.isEmpty, errors: errors) }
        if lines.contains(where: { $0.hasSuffix(": Failure") }) { return Verdict(isValid: false, errors: errors) }
        throw Failure.unreadableOutput(output)
    }

    /// Validates `bytes` by writing them to a temporary file first.
    public static func validate(bytes: [UInt8], name: String = "file.x12") throws -> Verdict {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try validateInPlace(url)
    }

    static func locate(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
