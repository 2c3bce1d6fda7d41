/// Where a file is in its life (DESIGN.md): `received → processing → persisted → acknowledged →
/// archived`, or `quarantined` from any state before archiving.
///
/// The state lives in PostgreSQL so that after a crash each file resumes from the last step it
/// finished, and every step is written to be safe to repeat.
public enum FileState: String, Sendable, CaseIterable, Codable {
    /// Registered; bytes still in the inbox or being moved to `var/processing/`.
    case received
    /// Bytes in `var/processing/<file-id>`; parsing, validation and scoring under way.
    case processing
    /// Claims and lines stored.
    case persisted
    /// TA1/999/277CA written to the partner's outbox.
    case acknowledged
    /// Bytes moved to `var/archive/`. Terminal.
    case archived
    /// Bytes moved to `var/quarantine/` (unreadable, rejected, or failing repeatedly). Terminal.
    case quarantined

    /// The states this one may move to. Anything else is a programming error, not a race.
    public var successors: Set<FileState> {
        switch self {
        case .received: [.processing, .quarantined]
        case .processing: [.persisted, .quarantined]
        case .persisted: [.acknowledged, .quarantined]
        case .acknowledged: [.archived, .quarantined]
        case .archived, .quarantined: []
        }
    }

    public var isTerminal: Bool { successors.isEmpty }
}

/// How a file arrived.
public enum FileChannel: String, Sendable, CaseIterable, Codable {
    /// Dropped into `inbox/<partner>/` by an administrator or script.
    case inbox
    /// Uploaded through the gateway's SFTP server.
    case sftp
}
