import Dispatch

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
            let work = Unchecked((first, second))
            let results = Unchecked(ResultPair<A, B>())
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    results.value.first = work.value.0()
                } else {
                    results.value.second = work.value.1()
                }
            }
            return (results.value.first!, results.value.second!)
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
