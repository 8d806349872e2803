import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ReconCore

@Suite struct ConcurrentPiecesTests {
    struct Failure: Error, Equatable {
        let piece: Int
    }

    /// How often each piece ran.
    final class Runs: Sendable {
        let counts: Mutex<[Int]>
        init(_ count: Int) { counts = Mutex(Array(repeating: 0, count: count)) }
        func record(_ piece: Int) { counts.withLock { $0[piece] += 1 } }
        var all: [Int] { counts.withLock { $0 } }
    }

    @Test func everyPieceRunsOnce() throws {
        for count in [0, 1, 2, 3, 50] {
            let runs = Runs(count)
            try concurrently(pieces: (0..<count).map { piece in { runs.record(piece) } })
            #expect(runs.all == Array(repeating: 1, count: count))
        }
    }

    @Test func theFirstFailingPieceInListOrderIsReported() {
        for _ in 0..<20 {
            let runs = Runs(8)
            let pieces: [() throws -> Void] = (0..<8).map { piece in {
                runs.record(piece)
                if piece == 3 || piece == 5 { throw Failure(piece: piece) }
            } }
            #expect(throws: Failure(piece: 3)) { try concurrently(pieces: pieces) }
            // Pieces before the failure all ran; none ran twice.
            #expect(runs.all.prefix(4).allSatisfy { $0 == 1 })
            #expect(runs.all.allSatisfy { $0 <= 1 })
        }
    }

    @Test func noPieceStartsAfterAFailure() {
        let runs = Runs(100)
        let pieces: [() throws -> Void] = (0..<100).map { piece in {
            runs.record(piece)
            if piece == 0 { throw Failure(piece: 0) }
            usleep(2_000)  // the others take a while: the failure is seen before many start
        } }
        #expect(throws: Failure(piece: 0)) { try concurrently(pieces: pieces) }
        // The other thread may have taken one piece before the failure was seen, and started the
        // one after that while it was being recorded: far fewer than all of them.
        #expect(runs.all.reduce(0, +) < 10)
    }
}
