import Testing
@testable import ReconCore

/// Where a record's texts end, kept in its box's header (`TextEnds`).
@Suite struct TextEndsTests {
    @Test func eachSlotHoldsItsOwnEnd() {
        var ends = TextEnds()
        #expect((0..<8).allSatisfy { ends[$0] == 0 })
        for slot in 0..<8 { ends[slot] = UInt32(10 * (slot + 1)) }
        ends[3] = 4_000_000_000  // the whole of a UInt32, no lane spilling into the next
        #expect((0..<8).map { ends[$0] } == [10, 20, 30, 4_000_000_000, 50, 60, 70, 80])
        #expect(ends.total == 4_000_000_000)
    }

    @Test func theTotalIsTheLastEndOfTheTextsThere() {
        var ends = TextEnds()
        ends[0] = 5
        ends[1] = 5
        ends[2] = 12
        #expect(ends.total == 12)
        #expect(TextEnds().total == 0)
    }

    /// The point of `TextEnds`: with a `SIMD8<UInt32>` (aligned to 16) in the header, Swift's
    /// runtime here allocated every box through `posix_memalign` and freed it on mimalloc's slower
    /// path for aligned blocks, for every item and transaction read (callgrind: one call a box).
    /// Aligned to 8, a box is a plain `malloc`.
    @Test func theBoxesHeadersNeedNoMoreThanEightByteAlignment() {
        #expect(MemoryLayout<TextEnds>.alignment == 4)
        #expect(MemoryLayout<OpenItem.TextsHeader>.alignment <= 8)
        #expect(MemoryLayout<BankTransaction.TextsHeader>.alignment <= 8)
        #expect(MemoryLayout<SIMD8<UInt32>>.alignment == 16)  // what it replaced
    }

    @Test func anItemsTextsReadBackAsGathered() throws {
        let texts = TextBytes()
        texts.set(OpenItem.TextField.customerName, "Åse Berg" as String?)
        texts.set(OpenItem.TextField.customerIban, "NO4832891164636" as String?)
        let nok = try #require(Currency(code: "NOK"))
        let item = OpenItem(invoiceId: "1", customerId: "C", type: .invoice, amount: Money(minorUnits: 100, currency: nok),
                            openAmount: nil, invoiceDate: CalendarDate(year: 2025, month: 1, day: 3)!, dueDate: nil,
                            cashDiscount: [], discountTaken: nil, texts: texts, origin: nil)
        #expect(item.customerName == "Åse Berg")
        #expect(item.reference == nil)
        #expect(item.customerIban == "NO4832891164636")
    }
}
