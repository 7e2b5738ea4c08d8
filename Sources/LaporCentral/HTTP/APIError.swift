import Foundation
import Hummingbird
import LaporDomain

/// An error as the contract writes it: `{"error": {"code", "message", "fields"?, "report"?}}`.
struct APIError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var fields: [String: String]? = nil
    /// The current report (already masked for the caller), for a 409 conflict.
    var report: Report? = nil
    var retryAfter: Int? = nil

    static let unauthorized = APIError(status: .unauthorized, code: "unauthorized", message: "missing or unknown bearer token")
    static let notFound = APIError(status: .notFound, code: "not_found", message: "no such resource")

    static func invalid(_ fields: [String: String], message: String = "the request is not valid") -> APIError {
        APIError(status: .unprocessableContent, code: "invalid", message: message, fields: fields)
    }

    static func forbidden(_ message: String) -> APIError { APIError(status: .forbidden, code: "forbidden", message: message) }

    static func conflict(_ message: String, report: Report? = nil) -> APIError {
        APIError(status: .conflict, code: "conflict", message: message, report: report)
    }

    /// The body, encoded.
    func body() -> Data {
        struct Envelope: Encodable {
            struct Inner: Encodable {
                var code: String
                var message: String
                var fields: [String: String]?
                var report: Report?
            }
            var error: Inner
        }
        let envelope = Envelope(error: .init(code: code, message: message, fields: fields, report: report))
        return (try? ContractJSON.encoder().encode(envelope)) ?? Data(#"{"error":{"code":"internal","message":"encoding failed"}}"#.utf8)
    }

    func response() -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body())))
    }

    /// Any error a handler lets escape, as the contract's error.
    static func from(_ error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if error is ReportFull {
            return APIError(
                status: .contentTooLarge, code: "too_large",
                message: "the report is full: this change would grow it past \(TextLimits.maxReportJSONBytes >> 20) MiB")
        }
        if let error = error as? any HTTPResponseError {
            switch error.status {
            case .contentTooLarge: return APIError(status: .contentTooLarge, code: "too_large", message: "the request body is over 1 MiB")
            case .notFound: return .notFound
            case .unauthorized: return .unauthorized
            case .badRequest, .unprocessableContent: return .invalid(["body": "malformed request"])
            default: break
            }
        }
        return APIError(status: .internalServerError, code: "internal", message: "internal error")
    }

    /// A domain refusal, mapped to its status.
    static func from(_ refusal: Refusal, report: Report) -> APIError {
        let message = RefusalText.english(refusal)
        switch refusal.category {
        case .forbidden: return .forbidden(message)
        case .conflict: return .conflict(message, report: report)
        case .invalid:
            if case .invalid(let field, _) = refusal { return .invalid([field: message], message: message) }
            return .invalid([:], message: message)
        }
    }
}

/// The server's own wording of refusals (the `message` field is for developers and logs;
/// clients word refusals themselves from the `code` and `fields`).
enum RefusalText {
    static func english(_ refusal: Refusal) -> String {
        switch refusal {
        case .readOnlyRole: "supervisors are read-only"
        case .roleNotAllowed(let type, let role): "\(type.rawValue) is not an action of the \(role.rawValue) role"
        case .outsideScope: "the report is not in your units"
        case .statusNotAllowed(let type, let status): "\(type.rawValue) is not allowed while the report is \(status.rawValue)"
        case .invalid(let field, let problem): "\(field): \(english(problem))"
        }
    }

    static func english(_ problem: FieldProblem) -> String {
        switch problem {
        case .required: "required"
        case .empty: "must not be empty"
        case .tooLong(let max): "at most \(max) characters"
        case .tooManyBytes(let max): "at most \(max) bytes of UTF-8"
        case .controlCharacter: "control characters other than TAB and LF are not allowed"
        case .unknownUnit(let id): "unknown unit \(id)"
        case .unknownCategory(let id): "unknown category \(id)"
        case .outsideSubtree(let id): "unit \(id) is outside your units"
        case .sameUnit: "the report is already with that unit"
        case .otherAgency(let id): "unit \(id) belongs to another agency"
        case .otherAgencyDispatch(let id): "unit \(id) belongs to another agency: dispatch it there"
        case .notAllowed(let value): "\(value) is not allowed"
        case .onlyWith(let other): "only with \(other)"
        case .notATrackingId(let value): "\(value) is not a tracking ID"
        case .selfReference: "a report cannot duplicate itself"
        case .noSuchReport(let id): "report \(id) does not exist or is not yours to see"
        }
    }
}
