/// How the gateway names itself in interchange envelopes: the ISA07/ISA08 inbound files must be
/// addressed to, and the sender of its acknowledgments.
public struct GatewayIdentity: Sendable, Equatable {
    public var qualifier: String
    public var id: String
    public var name: String

    public init(qualifier: String = "ZZ", id: String = "CLAIMSGATE", name: String = "CLAIMSGATE") {
        self.qualifier = qualifier
        self.id = id
        self.name = name
    }
}
