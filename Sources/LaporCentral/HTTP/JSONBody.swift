import Foundation
import Hummingbird

/// Reading and writing JSON bodies with the contract's errors.
enum JSONBody {
    static func response(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func response(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        response(Data(text.utf8), status: status)
    }

    static func response<T: Encodable>(encoding value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        response(try ContractJSON.encoder().encode(value), status: status)
    }

    /// A reference answer with its `ETag` (a hash of the body): 304 without a body when the
    /// request's `If-None-Match` names it (or is `*`).
    static func reference<T: Encodable>(_ request: Request, encoding value: T) throws -> Response {
        let encoder = ContractJSON.encoder()
        encoder.outputFormatting.insert(.sortedKeys)  // the same data, the same bytes, the same tag
        let data = try encoder.encode(value)
        let tag = "\"" + TokenHash.of(String(decoding: data, as: UTF8.self)).prefix(32) + "\""
        let asked = request.headers[.ifNoneMatch]?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        if asked.contains(tag) || asked.contains("W/" + tag) || asked.contains("*") {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        var response = response(data)
        response.headers[.eTag] = tag
        return response
    }

    /// Collects at most 1 MiB (413 beyond) and decodes it; malformed JSON, a missing field or a
    /// wrong type is 422 naming the field.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: CentralContext) async throws -> (T, Data) {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let data = Data(buffer: buffer)
        do {
            return (try JSONDecoder().decode(type, from: data), data)
        } catch let error as DecodingError {
            throw APIError.invalid(fields(of: error))
        }
    }

    static func fields(of error: DecodingError) -> [String: String] {
        func name(_ path: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            let parts = (path + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return parts.isEmpty ? "body" : parts.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context): return [name(context.codingPath, key): "required"]
        case .valueNotFound(_, let context): return [name(context.codingPath): "must not be null"]
        case .typeMismatch(let type, let context): return [name(context.codingPath): "must be \(describe(type))"]
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? ["body": "not valid JSON"] : [name(context.codingPath): "not an accepted value"]
        @unknown default: return ["body": "not valid"]
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        default: "an object or list of the right shape"
        }
    }
}
