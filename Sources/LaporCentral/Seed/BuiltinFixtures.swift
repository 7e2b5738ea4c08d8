import Foundation
import LaporDomain

/// The demo's reference data, compiled in from `fixtures/` (see `scripts/embed-fixtures.py`).
public enum BuiltinFixtures {
    struct UnitsFile: Decodable { var units: [LaporDomain.Unit] }
    struct CategoriesFile: Decodable { var categories: [LaporDomain.Category] }

    /// `fixtures/units.json`. The embedded text is checked against the file by the tests, so a
    /// decoding failure here is a build defect, not something a user can cause.
    public static let units: [LaporDomain.Unit] = embedded(UnitsFile.self, unitsJSON).units

    /// `fixtures/categories.json`.
    public static let categories: [LaporDomain.Category] = embedded(CategoriesFile.self, categoriesJSON).categories

    /// Decodes embedded text. The tests decode the same text and compare it with the fixture
    /// files, so a failure here is a build defect, not something a user can cause.
    static func embedded<T: Decodable>(_ type: T.Type, _ text: String) -> T {
        try! JSONDecoder().decode(type, from: Data(text.utf8))  // invariant: embedded text, tested
    }
}
