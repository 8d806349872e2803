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
}
