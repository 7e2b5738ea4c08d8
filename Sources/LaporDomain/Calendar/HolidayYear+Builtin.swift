extension HolidayYear {
    /// The decrees of `fixtures/holidays/`, byte for byte: SwiftPM compiles the files in
    /// (`.embedInCode`), naming each after its file with a leading digit turned into `_`
    /// (`2026.json` is `_026_json`). A new year's file needs its line here; a test compares this
    /// list with the folder.
    static let builtinJSON: [Int: [UInt8]] = [
        2024: PackageResources._024_json,
        2025: PackageResources._025_json,
        2026: PackageResources._026_json,
        2027: PackageResources._027_json,
    ]
}
