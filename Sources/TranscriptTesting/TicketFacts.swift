import SupportStore

/// A stored ticket flattened for `@ticket key=value` assertions: `id`, `status`, `priority`,
/// `intent`, `fields.<name>`.
enum TicketFacts {
    static func lookUp(_ publicID: String, in database: SupportDatabase) async throws -> [String: String]? {
        nil  // Waiting for the store's ticket detail API (issue #3); replaced before issue #5 is resolved.
    }
}
