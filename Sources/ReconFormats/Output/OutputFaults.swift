#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test hook: `RECON_TEST_KILL_AT=written|carried-over|swapped` makes recon kill itself
/// (SIGKILL, as a power cut or the OOM killer would) at that step of `OutputDirectory.commit`, so
/// that the fault tests can stop a run at each step on purpose rather than by chance. Unset, it
/// does nothing.
enum OutputFaults {
    enum Step: String {
        /// Every file is written and synced in the staging directory.
        case written
        /// The target's other files are linked into the staging directory.
        case carriedOver = "carried-over"
        /// The directories are swapped; the previous result is not removed yet.
        case swapped
    }

    private static let killAt: Step? = getenv("RECON_TEST_KILL_AT").flatMap { Step(rawValue: String(cString: $0)) }

    static func reach(_ step: Step) {
        if step == killAt { kill(getpid(), SIGKILL) }
    }
}
