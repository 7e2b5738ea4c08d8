import Testing

@testable import Terminal

/// Under `LC_ALL=C` the screen keeps its shape in ASCII (issue 12).
@Suite struct AsciiFallbackTests {
    @Test func everyCharacterBecomesASCIIOfTheSameWidth() {
        let samples = ["│ Jalan berlubang — café", "▶ 9100001 ⚑ TERLAMBAT 3 hk…", "陈美玲 melapor", "🚧 rusak", "naïve façade", "👨‍👩‍👧 keluarga"]
        for sample in samples {
            let ascii = AsciiFallback.text(sample)
            #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii)")
            let (before, after) = (DisplayWidth.of(sample), DisplayWidth.of(ascii))
            #expect(after == before, "\(sample) → \(ascii)")
        }
        #expect(AsciiFallback.text("│ Jalan berlubang — café") == "| Jalan berlubang - cafe")
        #expect(AsciiFallback.text("陈美") == "????")
        #expect(AsciiFallback.text("██▌") == "###", "the supervisor's bars")
    }
}
