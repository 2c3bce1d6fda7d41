import Foundation

/// A trained claim-risk model as it is shipped in `Config/models/`: the feature schema it was
/// trained on, the standardisation, the learned weights, the charge reference its features need,
/// and how it was trained and how well it did on held-out claims.
public struct RiskModel: Sendable, Equatable, Codable {
    public static let format = "claimsgate.claim-risk"
    public static let algorithm = "logistic-regression-l2"

    public var format: String
    public var algorithm: String
    /// Model version: bump on retraining with a changed process or data.
    public var version: String
    /// `RiskFeature` names in vector order.
    public var features: [String]
    /// Per-feature mean and standard deviation of the training claims.
    public var means: [Double]
    public var scales: [Double]
    /// Weights on standardised features, and the intercept, on the log-odds scale.
    public var weights: [Double]
    public var intercept: Double
    public var charges: ChargeReference
    public var training: TrainingSummary

    public init(
        version: String, means: [Double], scales: [Double], weights: [Double], intercept: Double,
        charges: ChargeReference, training: TrainingSummary
    ) {
        format = Self.format
        algorithm = Self.algorithm
        self.version = version
        features = RiskFeature.names
        self.means = means
        self.scales = scales
        self.weights = weights
        self.intercept = intercept
        self.charges = charges
        self.training = training
    }

    /// Why a model file cannot be used.
    public enum Invalid: Error, CustomStringConvertible, Equatable {
        case format(String)
        case schema(expected: [String], found: [String])
        case shape

        public var description: String {
            switch self {
            case .format(let found): "not a claim-risk model (format '\(found)')"
            case .schema(let expected, let found):
                "the model's features \(found) are not this build's \(expected): retrain it"
            case .shape: "the model's weights, means and scales do not match its feature list"
            }
        }
    }

    /// Checks that the model fits this build's feature extractor.
    public func validate() throws(Invalid) {
        guard format == Self.format, algorithm == Self.algorithm else { throw .format(format) }
        guard features == RiskFeature.names else { throw .schema(expected: RiskFeature.names, found: features) }
        let n = features.count
        guard weights.count == n, means.count == n, scales.count == n, scales.allSatisfy({ $0 > 0 }) else {
            throw .shape
        }
    }

    // MARK: JSON

    /// Pretty, key-sorted JSON: a retrained model diffs line by line against the shipped one.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(RiskModel.self, from: jsonData)
        try validate()
    }

    public init(contentsOf url: URL) throws {
        try self.init(jsonData: try Data(contentsOf: url))
    }

    public func write(to url: URL) throws {
        try jsonData().write(to: url, options: .atomic)
    }
}

/// How a model was fitted, and its held-out metrics.
public struct TrainingSummary: Sendable, Equatable, Codable {
    /// The command that produced the model (reproducible: seeds and sizes included).
    public var command: String
    public var trainingExamples: Int
    public var trainingPositives: Int
    /// L2 penalty on standardised weights.
    public var l2: Double
    public var iterations: Int
    public var converged: Bool
    /// Metrics on the held-out split.
    public var heldOut: ModelMetrics

    public init(
        command: String, trainingExamples: Int, trainingPositives: Int, l2: Double, iterations: Int, converged: Bool,
        heldOut: ModelMetrics
    ) {
        self.command = command
        self.trainingExamples = trainingExamples
        self.trainingPositives = trainingPositives
        self.l2 = l2
        self.iterations = iterations
        self.converged = converged
        self.heldOut = heldOut
    }
}
