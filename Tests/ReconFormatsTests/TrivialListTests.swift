import Testing
@testable import ReconFormats

/// The CSV reader's per-record lists: appends past their first room, emptied for the next record,
/// searched from the end.
@Suite struct TrivialListTests {
    @Test func growsEmptiesAndFindsFromTheEnd() {
        var list = TrivialList<(line: Int, offset: Int)>(capacity: 2)
        defer { list.deallocate() }
        #expect(list.isEmpty && list.last == nil)
        for line in 1...100 { list.append((line, line * 10)) }
        #expect(list.count == 100 && list.indices == 0..<100)
        #expect((0..<100).allSatisfy { list[$0].line == $0 + 1 && list[$0].offset == ($0 + 1) * 10 })
        #expect(list.last?.line == 100)
        #expect(list.last { $0.offset <= 555 }?.line == 55)
        #expect(list.last { $0.offset < 0 } == nil)
        list[99].offset = 7
        #expect(list.last?.offset == 7)
        list.removeAll()
        #expect(list.isEmpty && list.last == nil)
        list.append((1, 1))
        #expect(list.count == 1 && list[0].line == 1)
    }
}
