import Synchronization
#if canImport(Glibc)
import Glibc
#else
import Dispatch
#endif

/// Runs two pieces of work at the same time, the second on another thread, and returns when both
/// are done. recon uses it where two parts of a run share nothing: reading the open items while the
/// bank files are read, writing the workbook while the CSV files are written, working out what the
/// next payments say while the current ones are settled. The results are the same as one after the
/// other; only the wall time differs.
///
/// When both throw, the first one's error is rethrown (the one a sequential run would have met
/// first). The caller promises that the two closures touch no common mutable state: that is why
/// they may capture values that are not `Sendable`.
public func concurrently<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
    let (a, b) = both({ Result { try first() } }, { Result { try second() } })
    return (try a.get(), try b.get())
}

/// `concurrently` for work that cannot fail.
public func concurrently<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    both(first, second)
}

private func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            #if canImport(Glibc)
            // The second piece on a thread of its own at the lowest priority (`Background`): it
            // takes a core that would otherwise idle, and never one from work at normal priority.
            // So work made parallel inside one side of a run (reading a CSV file in blocks beside a
            // camt file) never slows the other side, and uses the core once that side is done.
            // Dispatch, by contrast, runs work nested this way on one thread. The thread has let
            // go of `second` when `wait()` returns.
            let helper = Background.start { second() }
            let result = first()
            return (result, helper.wait())
            #else
            let results = ResultPair<A, B>()
            let work = Unchecked((first, second))
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    results.first = work.value.0()
                } else {
                    results.second = work.value.1()
                }
            }
            return (results.first!, results.second!)
            #endif
        }
    }
}

/// The two results, each written by one thread only and read after both have finished.
private final class ResultPair<A, B> {
    var first: A?
    var second: B?
}

/// Hands a value to another thread that the compiler cannot prove safe to share; the callers of
/// `concurrently` guarantee it (see there).
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Runs independent pieces of work (different files, say) on this thread and one more, as
/// `concurrently` does; each thread takes the next piece not yet taken, so that the two finish
/// close together whatever the pieces' sizes (list the longest first). What each piece writes is
/// the same as one after the other. After a piece throws no new one starts; the error of the first
/// piece (in list order) that threw is rethrown.
public func concurrently(pieces: [() throws -> Void]) throws {
    let next = PieceCounter()
    func work() -> [(Int, any Error)] {
        var failed: [(Int, any Error)] = []
        while true {
            let index = next.take()
            guard index < pieces.count else { return failed }
            do {
                try pieces[index]()
            } catch {
                failed.append((index, error))
                next.stop()
            }
        }
    }
    let (mine, other) = concurrently({ work() }, { work() })
    if let first = (mine + other).min(by: { $0.0 < $1.0 }) { throw first.1 }
}

/// The next piece to start, shared by the two threads of `concurrently(pieces:)`.
private final class PieceCounter: Sendable {
    private let value = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    /// The next index, or `Int.max` once stopped.
    func take() -> Int {
        stopped.load(ordering: .acquiring) ? Int.max : value.add(1, ordering: .relaxed).oldValue
    }

    func stop() {
        stopped.store(true, ordering: .releasing)
    }
}
