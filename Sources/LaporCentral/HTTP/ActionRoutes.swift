import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import LaporDomain

extension HTTPField.Name {
    // invariant: a constant, valid header name
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
}

/// Action ids being processed now: a second request with the same id meanwhile is `409 in_flight`.
actor InFlightActions {
    private var ids: Set<String> = []

    func begin(_ id: String) -> Bool { ids.insert(id).inserted }
    func end(_ id: String) { ids.remove(id) }
}

func addActionRoutes(to api: RecordingGroup, _ deps: CentralDependencies) {
    api.post("actions") { request, context in
        let user = try context.requireUser()
        let (action, _) = try await JSONBody.decode(ActionRequest.self, from: request, context: context)
        guard !action.id.isEmpty, action.id.count <= 128 else { throw APIError.invalid(["id": "must be 1 to 128 characters"]) }
        guard let key = request.headers[.idempotencyKey] else {
            throw APIError.invalid(["Idempotency-Key": "required: the action id"])
        }
        guard key == action.id else { throw APIError.invalid(["Idempotency-Key": "must equal the action id"]) }
        guard await deps.inFlight.begin(action.id) else {
            throw APIError(status: .conflict, code: "in_flight", message: "this action is being processed; retry later", retryAfter: 1)
        }
        let outcome: ActionOutcome
        do {
            outcome = try await deps.store.apply(action, bodyHash: bodyHash(action), by: user, workflow: deps.workflow, at: deps.clock.now())
        } catch {
            await deps.inFlight.end(action.id)
            throw error
        }
        await deps.inFlight.end(action.id)
        switch outcome {
        case .applied(let body):
            return JSONBody.response(body)
        case .replayed(let body):
            var response = try ContractJSON.decode(ActionResponse.self, from: body)
            response.result = "replayed"
            return try JSONBody.response(encoding: response)
        case .mismatch:
            throw APIError(
                status: .unprocessableContent, code: "idempotency_mismatch",
                message: "this action id was already used for a different request", fields: ["id": "already used"])
        case .notFound:
            throw APIError.notFound
        case .refused(let refusal, let report):
            throw APIError.from(refusal, report: report)
        }
    }
}

/// The hash an action id is bound to: SHA-256 of the request re-encoded with sorted keys, so
/// that the same request with other white space or field order is the same action.
func bodyHash(_ action: ActionRequest) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return SHA256.hash(data: try encoder.encode(action)).map { String(format: "%02x", $0) }.joined()
}
