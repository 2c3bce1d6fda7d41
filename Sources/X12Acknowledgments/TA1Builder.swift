import X12

/// Writes TA1 interchange acknowledgments.
///
/// A TA1 always travels in its own interchange (`ISA`, `TA1`, `IEA*0`), never in front of the
/// first GS of a 999. The gateway files TA1s, 999s and 277CAs separately in the partner's outbox
/// anyway, a TA1 R must stand alone, and combined placements are where partner parsers (and
/// pyx12) stumble. The cost is one more ISA13 per positive TA1.
public enum TA1Builder {
    /// `ISA … ~ TA1*<ISA13>*<ISA09>*<ISA10>*<TA104>*<TA105>~ IEA*0*<ISA13>~`, the TA101–TA103
    /// echoing the inbound ISA.
    public static func build(_ acknowledgment: InterchangeAcknowledgment, envelope: AcknowledgmentEnvelope) -> [UInt8] {
        var writer = X12Writer.acknowledgment()
        writer.openInterchange(envelope)
        let inbound = envelope.inbound
        writer.segment(
            "TA1", X12Text.sanitized(inbound.controlNumber), X12Text.sanitized(inbound.date),
            X12Text.sanitized(inbound.time), acknowledgment.code.rawValue, acknowledgment.noteCode)
        writer.closeInterchange(groupCount: 0, envelope: envelope)
        return writer.bytes
    }
}
