import Foundation
import Testing

@testable import LaporSync

@Suite struct FeedScannerTests {
    func scan(_ text: String) throws -> (items: [String], cursor: String?, more: Bool?) {
        let data = Data(text.utf8)
        return try data.withUnsafeBytes { raw in
            let page = try FeedScanner.scan(raw)
            return (
                page.items.map { String(decoding: data[$0], as: UTF8.self) }, page.cursor.map { String(decoding: data[$0], as: UTF8.self) }, page.more
            )
        }
    }

    @Test func splitsItemsWhateverTheyHoldAndWhateverTheKeyOrder() throws {
        let page = try scan(
            #" { "more" : false, "extra": {"a": [1, {"b": "]}"}]}, "changes": [ {"id":"1","t":"a \"quoted\" ] } [ {"}, {"id":"2","removed":true} ] , "cursor":"djE6OQ" } "#
        )
        #expect(page.items == [#"{"id":"1","t":"a \"quoted\" ] } [ {"}"#, #"{"id":"2","removed":true}"#])
        #expect(page.cursor == #""djE6OQ""# && page.more == false)
        #expect(try scan(#"{"changes":[],"cursor":"x","more":true}"#).items.isEmpty)
    }

    @Test(arguments: [#"{"changes":[{"id":"1"}"#, #"{"changes":[{"id":"1",]"#, "[]", "", #"{"changes": "#, #"{"changes":["unterminated]}"#])
    func refusesWhatIsNotAPage(text: String) {
        #expect(throws: (any Error).self) { try scan(text) }
    }
}
