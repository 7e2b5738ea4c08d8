import Foundation
import LaporDomain

/// The demo's reference data: `fixtures/units.json` and `fixtures/categories.json`, compiled in by
/// SwiftPM (`.embedInCode`).
public enum BuiltinFixtures {
    struct UnitsFile: Decodable { var units: [LaporDomain.Unit] }
    struct CategoriesFile: Decodable { var categories: [LaporDomain.Category] }

    /// `fixtures/units.json`.
    public static let units: [LaporDomain.Unit] = embedded(UnitsFile.self, PackageResources.units_json).units

    /// `fixtures/categories.json`.
    public static let categories: [LaporDomain.Category] = embedded(CategoriesFile.self, PackageResources.categories_json).categories

    /// Decodes a compiled-in fixture. The tests decode the same files, so a failure here is a
    /// build defect, not something a user can cause.
    static func embedded<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) -> T {
        try! JSONDecoder().decode(type, from: Data(bytes))  // invariant: compiled-in fixture, tested
    }
}
