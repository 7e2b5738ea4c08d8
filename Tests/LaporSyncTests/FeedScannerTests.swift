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

    @Test func readsTheTotalHintWhenThereIsOne() throws {
        func total(_ text: String) throws -> Int? {
            try Data(text.utf8).withUnsafeBytes { try FeedScanner.scan($0).total }
        }
        #expect(try total(#"{"changes":[],"cursor":"x","more":true,"total":60000}"#) == 60_000)
        #expect(try total(#"{"changes":[],"cursor":"x","more":true}"#) == nil)
        #expect(try total(#"{"changes":[],"cursor":"x","more":true,"total":-3}"#) == nil, "nonsense is no hint")
        #expect(try total(#"{"changes":[],"cursor":"x","more":true,"total":"many"}"#) == nil)
    }

    @Test(arguments: [#"{"changes":[{"id":"1"}"#, #"{"changes":[{"id":"1",]"#, "[]", "", #"{"changes": "#, #"{"changes":["unterminated]}"#])
    func refusesWhatIsNotAPage(text: String) {
        #expect(throws: (any Error).self) { try scan(text) }
    }
}
