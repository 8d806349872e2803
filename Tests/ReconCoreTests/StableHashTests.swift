import Testing
@testable import ReconCore

/// Exception, credit and content ids are these hex digits: they must not change between versions.
@Suite struct StableHashTests {
    @Test func hexDigitsAreTheValuePaddedToSixteen() {
        var generator = SystemRandomNumberGenerator()
        for count in 0..<2_000 {
            var hash = StableHash()
            hash.combine((0..<count % 40).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let digits = String(hash.value, radix: 16)
            let padded = String(repeating: "0", count: 16 - digits.count) + digits
            #expect(hash.hex == padded)
            #expect(hash.hex(prefix: "X") == "X" + padded)
            #expect(hash.hex(prefix: "CR-", digits: 12) == "CR-" + padded.prefix(12))
            #expect(hash.hex(prefix: "Ø", digits: 1) == "Ø" + padded.prefix(1))
        }
    }

    @Test func knownIdsStay() {
        // FNV-1a 64 of nothing, and of "a": the published test values.
        #expect(StableHash().hex == "cbf29ce484222325")
        var hash = StableHash()
        hash.combine("a")
        #expect(hash.hex == "af63dc4c8601ec8c")
        // Worked out apart (FNV-1a of "E1", 0x1F, "no_match", 0x1F).
        #expect(ReconException.id(entryId: "E1", kind: "no_match") == "X7b8c2ca903fe5426")
        #expect(Reconciler.creditId(for: "E1") == "CR-d8298a198d5b")
    }
}
