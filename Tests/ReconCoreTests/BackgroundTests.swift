#if canImport(Glibc)
import Glibc
import Testing
@testable import ReconCore

/// `Background` threads: `start` for work that may take an idle core (lowest priority), `onThread`
/// for work its caller waits on (the caller's priority, never run in the caller's place).
@Suite struct BackgroundTests {
    /// The calling thread's nice value and id.
    static func niceAndThread() -> (nice: Int32, thread: pthread_t) {
        errno = 0
        return (getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), pthread_self())
    }

    @Test func startRunsAtTheLowestPriority() {
        let caller = Self.niceAndThread()
        let helper = Background.start { Self.niceAndThread() }.wait()
        #expect(helper.nice == 19)
        #expect(pthread_equal(helper.thread, caller.thread) == 0)
    }

    @Test func onThreadRunsAtTheCallersPriorityOnAnotherThread() throws {
        let caller = Self.niceAndThread()
        let helper = try #require(Background.onThread { Self.niceAndThread() }).wait()
        #expect(helper.nice == caller.nice)
        #expect(caller.nice != 19)
        #expect(pthread_equal(helper.thread, caller.thread) == 0)
    }
}
#endif
