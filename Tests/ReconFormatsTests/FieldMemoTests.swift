import Testing
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
}
