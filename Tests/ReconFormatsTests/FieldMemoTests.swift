import Testing
import ReconCore
@testable import ReconFormats

/// The memo of the last value a reader made of a field: only exactly the same bytes find it.
@Suite struct FieldMemoTests {
    private func value(_ memo: FieldMemo<Int>, _ text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { memo.value(of: $0) }
    }

    private func remember(_ memo: inout FieldMemo<Int>, _ value: Int, _ text: String) {
        Array(text.utf8).withUnsafeBufferPointer { memo.remember(value, of: $0) }
    }

    @Test func findsOnlyTheSameBytes() {
        var memo = FieldMemo<Int>()
        #expect(value(memo, "") == nil)
        #expect(value(memo, "03.01.2025") == nil)
        remember(&memo, 1, "03.01.2025")
        #expect(value(memo, "03.01.2025") == 1)
        #expect(value(memo, "03.01.2026") == nil)  // one byte differs
        #expect(value(memo, "03.01.202") == nil)  // a prefix
        #expect(value(memo, "03.01.2025 ") == nil)  // longer
        #expect(value(memo, "") == nil)
        remember(&memo, 2, "0123456789abcdef")  // 16 bytes: the most it keeps
        #expect(value(memo, "0123456789abcdef") == 2)
        #expect(value(memo, "03.01.2025") == nil)
    }

    @Test func aFieldOfMoreThanSixteenBytesIsNotRemembered() {
        var memo = FieldMemo<Int>()
        remember(&memo, 1, "NOK")
        remember(&memo, 2, "DE89370400440532013000")
        #expect(value(memo, "DE89370400440532013000") == nil)
        #expect(value(memo, "NOK") == 1)  // the last one it could keep stays
    }

    /// The cache of several fields: a value is found again only for exactly its bytes — any one
    /// byte different, or a field of another length, finds nothing (or another kept value) — and
    /// fields under 8 or over 16 bytes are never kept.
    @Test func theCacheFindsOnlyExactlyTheBytesItKept() {
        var cache = FieldCache<Int>()
        func value(_ text: String) -> Int? { Array(text.utf8).withUnsafeBufferPointer { cache.value(of: $0) } }
        func keep(_ value: Int, _ text: String) { Array(text.utf8).withUnsafeBufferPointer { cache.remember(value, of: $0) } }
        let dates = ["2025-01-17", "2025-01-23", "2025-02-02", "2025-01-14"]
        for (index, date) in dates.enumerated() { keep(index, date) }
        let kept = dates.enumerated().filter { value($0.element) == $0.offset }
        #expect(kept.count >= 2)  // slots may collide; the last kept is always there
        #expect(value("2025-01-14") == 3)
        for (offset, date) in dates.enumerated() {
            for position in date.utf8.indices {
                var bytes = Array(date.utf8)
                bytes[date.utf8.distance(from: date.utf8.startIndex, to: position)] ^= 0x01
                let found = bytes.withUnsafeBufferPointer { cache.value(of: $0) }
                #expect(found == nil || found != offset, "\(date) changed at \(position)")
            }
        }
        #expect(value("2025-01-1") == nil && value("2025-01-144") == nil)
        keep(9, "1234567")  // 7 bytes
        keep(9, "12345678901234567")  // 17 bytes
        #expect(value("1234567") == nil && value("12345678901234567") == nil)
        keep(5, "12345678")  // 8 and 16 bytes: kept
        keep(6, "0123456789abcdef")
        #expect(value("12345678") == 5 && value("0123456789abcdef") == 6)
    }
}

/// The discount terms a reader has seen, found by the field's exact bytes, before and after the
/// lists are renewed for a new block.
@Suite struct DiscountTierCacheTests {
    @Test func findsTermsByTheirExactBytes() {
        var cache = DiscountTierCache()
        let texts = ["3%/8", "2%/5 1%/14", "2%/8", "3%/80"]
        for text in texts { cache.add(text, DiscountTier.parseTiers(text)!) }
        func lookUp(_ text: String) -> [DiscountTier]? {
            Array(text.utf8).withUnsafeBufferPointer { cache[$0] }
        }
        for round in 0..<2 {
            for text in texts { #expect(lookUp(text) == DiscountTier.parseTiers(text), "\(text), round \(round)") }
            for other in ["3%/9", "3%/8 ", "2%/5 1%/15", "", "3%"] { #expect(lookUp(other) == nil, "\(other)") }
            cache.renew()
        }
    }
}
