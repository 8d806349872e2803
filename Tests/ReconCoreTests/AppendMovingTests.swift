import Testing
@testable import ReconCore

@Suite struct AppendMovingTests {
    @Test func elementsArriveInOrderAndLeaveTheSourceEmpty() {
        for (start, added) in [(0, 0), (0, 1), (2, 1), (3, 7), (0, 100)] {
            var target = (0..<start).map { "kept \($0) of a string too long to be stored inline" }
            var source = (0..<added).map { "moved \($0) of a string too long to be stored inline" }
            let expected = target + source
            target.appendMoving(&source)
            #expect(target == expected)
            #expect(source.isEmpty)
        }
    }

    /// Into an empty array: the source's storage is taken whole, unless the target has more room
    /// (the room a reader made for a whole file is kept).
    @Test func anEmptyTargetTakesTheStorageUnlessItHasMoreRoom() {
        var target: [String] = []
        var source = ["one of a string too long to be stored inline", "two of a string too long to be stored inline"]
        let storage = source.withUnsafeBufferPointer { $0.baseAddress }
        target.appendMoving(&source)
        #expect(target == ["one of a string too long to be stored inline", "two of a string too long to be stored inline"])
        #expect(target.withUnsafeBufferPointer { $0.baseAddress } == storage)
        #expect(source.isEmpty)

        var roomy: [String] = []
        roomy.reserveCapacity(1_000)
        var more = ["three"]
        roomy.appendMoving(&more)
        #expect(roomy == ["three"] && roomy.capacity >= 1_000 && more.isEmpty)
    }
}

@Suite struct ForEachInPlaceTests {
    @Test func everyElementIsSeenOnceInOrder() throws {
        for count in [0, 1, 5] {
            let rows = (0..<count).map { "row \($0) of a string too long to be stored inline" }
            var seen: [String] = []
            rows.forEachInPlace { seen.append($0) }
            #expect(seen == rows)
        }
        struct Stop: Error {}
        var visited = 0
        #expect(throws: Stop.self) {
            try [1, 2, 3].forEachInPlace { value in
                visited += 1
                if value == 2 { throw Stop() }
            }
        }
        #expect(visited == 2)  // a throw ends the walk
    }
}
