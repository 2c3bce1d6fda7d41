import AuditLog
import Synchronization

/// Keeps recorded audit events in memory (a unit-test double behind `AuditRecorder`).
final class RecordedEvents: AuditRecorder {
    let events = Mutex<[AuditLog.AuditEvent]>([])
    func record(_ event: AuditLog.AuditEvent) { events.withLock { $0.append(event) } }
}
