#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time of each phase of a run, printed on stderr when `RECON_TIMINGS=1` (for `make bench`
/// and for profiling; never part of a command's output).
struct PhaseTimer {
    private let enabled: Bool
    private var last: timespec
    private var phases: [(String, Int)] = []

    init() {
        enabled = getenv("RECON_TIMINGS").map { String(cString: $0) == "1" } ?? false
        last = PhaseTimer.now()
    }

    private static func now() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time
    }

    /// Ends the phase `name`, started when the previous one ended.
    mutating func mark(_ name: String) {
        guard enabled else { return }
        let time = PhaseTimer.now()
        let micros = (time.tv_sec - last.tv_sec) * 1_000_000 + (time.tv_nsec - last.tv_nsec) / 1000
        phases.append((name, Int(micros)))
        last = time
    }

    func report() {
        guard enabled else { return }
        for (name, micros) in phases {
            Terminal.error("timing: \(name) \(micros / 1000) ms")
        }
    }
}
