import Foundation
import LaporDomain

/// The demo's reference data, compiled in from `fixtures/` (see `scripts/embed-fixtures.py`).
public enum BuiltinFixtures {
    struct UnitsFile: Decodable { var units: [LaporDomain.Unit] }
    struct CategoriesFile: Decodable { var categories: [LaporDomain.Category] }

    /// `fixtures/units.json`. The embedded text is checked against the file by the tests, so a
    /// decoding failure here is a build defect, not something a user can cause.
    public static let units: [LaporDomain.Unit] = try! JSONDecoder().decode(UnitsFile.self, from: Data(unitsJSON.utf8)).units

    /// `fixtures/categories.json`.
    public static let categories: [LaporDomain.Category] = try! JSONDecoder().decode(
        CategoriesFile.self, from: Data(categoriesJSON.utf8)
    ).categories
}
