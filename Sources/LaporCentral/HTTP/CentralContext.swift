import Hummingbird
import LaporDomain

/// The request context: Hummingbird's core plus the authenticated user, if any.
struct CentralContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var user: User?

    init(source: Source) {
        self.coreContext = .init(source: source)
        self.user = nil
    }

    /// Bodies over 1 MiB are refused (413).
    var maxUploadSize: Int { 1 << 20 }

    /// The user, or 401.
    func requireUser() throws -> User {
        guard let user else { throw APIError.unauthorized }
        return user
    }
}
