import ClaimsRisk
import ClaimsStore

/// `model train --from db`: refits on the feature vectors stored when claims were scored, labelled
/// by what became of them (rejected on the 277CA or by a reviewer = denied; accepted or released =
/// paid). The features were computed with the current model's charge reference, so the new model
/// keeps it.
public enum StoredOutcomeTraining {
    public enum Failure: Error, CustomStringConvertible {
        case noOutcomes

        public var description: String { "no scored claim with a known outcome in the database" }
    }

    public static func train(
        _ trainer: ModelTrainer, database: Database, charges: ChargeReference, version: String, command: String
    ) async throws -> RiskModel {
        let rows = try await RiskRepository(database: database).trainingRows().filter {
            $0.features.count == RiskFeature.count
        }
        guard !rows.isEmpty else { throw Failure.noOutcomes }
        let dataset = RiskDataset(
            rows: rows.map(\.features), labels: rows.map(\.denied),
            heldOut: rows.map { LabelledClaim.isHeldOut(patientControlNumber: $0.patientControlNumber) })
        return try trainer.train(dataset, charges: charges, version: version, command: command)
    }
}
