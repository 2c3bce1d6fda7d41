import ClaimsCore
import X12

/// A complete synthetic 837P 005010X222A1 interchange: one ISA/GS, several ST…SE sets of claims.
///
/// The file is produced in chunks — the envelope header, each transaction set, the trailers — and
/// handed to a sink one at a time, so a million claims never sit in memory at once: the largest
/// chunk is one transaction set (at most 5,000 claims, a few megabytes).
public struct SyntheticClaimFile: Sendable {
    public let options: SyntheticFileOptions
    /// Builds the claims; exposed so callers (labelling, error injection, tests) see the same values.
    public let generator: ClaimGenerator

    public init(_ options: SyntheticFileOptions) throws(SyntheticFileOptions.Invalid) {
        try options.validate()
        self.options = options
        generator = ClaimGenerator(seed: options.seed, referenceDate: options.effectiveReferenceDate)
    }

    /// Produces the file, calling `sink` with each chunk in order and the number of claims written
    /// so far (for progress). Errors thrown by `sink` stop generation.
    public func write(_ sink: (_ chunk: [UInt8], _ claimsWritten: Int) throws -> Void) rethrows {
        let date = generator.referenceDate
        var rng = SplitMix64(seed: options.seed, stream: 5)
        let time = String(zeroPadded: rng.int(in: 6...21), width: 2) + String(zeroPadded: rng.int(in: 0...59), width: 2)
        let groupControlNumber = String(rng.int(in: 1...999_999_999))
        let batch = String(rng.next() & 0xFFFF_FFFF, radix: 16, uppercase: true)

        var header = makeWriter()
        header.interchangeHeader(
            InterchangeHeaderFields(
                senderQualifier: "ZZ", senderID: options.senderID, receiverQualifier: "ZZ",
                receiverID: options.receiverID, date: String(date.x12.dropFirst(2)), time: time,
                controlNumber: String(zeroPadded: options.effectiveInterchangeControlNumber, width: 9),
                acknowledgmentRequested: options.acknowledgmentRequested,
                usageIndicator: options.usageIndicator.rawValue))
        header.segment(
            "GS", "HC", options.senderID, options.receiverID, date.x12, time, groupControlNumber, "X", "005010X222A1")
        try sink(header.bytes, 0)

        for setIndex in 0..<options.transactionSetCount {
            let first = setIndex * options.claimsPerTransactionSet
            let end = min(first + options.claimsPerTransactionSet, options.claims)
            let set = SyntheticTransactionSet(
                controlNumber: String(zeroPadded: setIndex + 1, width: 4),
                referenceID: "SYN\(batch)-\(String(zeroPadded: setIndex + 1, width: 4))",
                senderID: options.senderID, receiverID: options.receiverID, date: date, time: time,
                claims: (first..<end).map(claim(at:)))
            var writer = makeWriter()
            set.write(into: &writer)
            try sink(writer.bytes, end)
        }

        var trailer = makeWriter()
        trailer.segment("GE", String(options.transactionSetCount), groupControlNumber)
        trailer.segment("IEA", "1", String(zeroPadded: options.effectiveInterchangeControlNumber, width: 9))
        try sink(trailer.bytes, options.claims)
    }

    /// Claim `index` as written: with its planted patterns when the file is labelled.
    public func claim(at index: Int) -> SyntheticClaim {
        options.labelled ? groundTruth.claim(at: index).claim : generator.claim(at: index)
    }

    /// The ground-truth process of a labelled file.
    public var groundTruth: GroundTruthRisk { GroundTruthRisk(generator: generator) }

    /// The whole file in memory (tests, small files).
    public func bytes() -> [UInt8] {
        var result: [UInt8] = []
        write { chunk, _ in result.append(contentsOf: chunk) }
        return result
    }

    /// A fresh writer per chunk: `X12Writer` accumulates, so one per chunk keeps memory bounded.
    private func makeWriter() -> X12Writer { X12Writer(delimiters: .standard, lineBreaks: options.lineBreaks) }
}
