import Foundation
import LaporDomain
import Testing

@testable import LaporStore

/// Saved views, per profile (each profile has its own store) (issue 12).
@Suite struct CaseStoreSavedViewsTests {
    @Test func savedInOrderReplacedInPlaceAndForgotten() throws {
        let store = try CaseStore.inMemory()
        #expect(try store.savedViews().isEmpty)
        try store.saveView(SavedView(name: "Jalan JP", base: .inbox, filter: "unit=dki-dpu-jp", search: "jalan", sort: .age))
        try store.saveView(SavedView(name: "Aspirasi", base: .all, filter: "kind=aspirasi"))
        try store.saveView(SavedView(name: "Jalan JP", base: .waiting))
        let views = try store.savedViews()
        #expect(views.map(\.name) == ["Jalan JP", "Aspirasi"], "a saved name keeps its place")
        #expect(views[0] == SavedView(name: "Jalan JP", base: .waiting), "and takes the new content")
        #expect(try store.deleteView("Aspirasi") && !store.deleteView("Aspirasi"))
        #expect(try store.savedViews().map(\.name) == ["Jalan JP"])
    }

    @Test func namesAreShortPlainAndNotBuiltIn() {
        #expect(SavedView.isValidName("Jalan rusak JP"))
        for bad in ["", " spasi", "inbox", String(repeating: "x", count: 41), "a\u{1B}b"] { #expect(!SavedView.isValidName(bad), "\(bad)") }
    }
}
