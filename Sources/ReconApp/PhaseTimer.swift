#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock and CPU time of each phase of a run, with the memory resident at its end and the peak
/// so far, printed on stderr when `RECON_TIMINGS=1` (for `make bench` and for profiling; never part
/// of a command's output). CPU time is the process's (both cores) for a phase, the thread's for work
/// done beside it.
struct PhaseTimer {
    private let enabled: Bool
    private var last: Stopwatch
    private var phases: [(name: String, wall: Int, cpu: Int, memory: String)] = []

    init() {
        enabled = getenv("RECON_TIMINGS").map { String(cString: $0) == "1" } ?? false
        last = Stopwatch(clock: CLOCK_PROCESS_CPUTIME_ID)
    }

    /// Ends the phase `name`, started when the previous one ended.
    mutating func mark(_ name: String) {
        guard enabled else { return }
        phases.append((name, last.wall, last.cpu, PhaseTimer.memory()))
        last = Stopwatch(clock: CLOCK_PROCESS_CPUTIME_ID)
    }

    /// Work that ran on another thread, beside the phase `mark` ends next (`watch` made there).
    mutating func note(_ name: String, _ watch: Stopwatch.Reading) {
        guard enabled else { return }
        phases.append(("  " + name, watch.wall, watch.cpu, ""))
    }

    /// The calling thread's time in the kernel and its page faults since `since` (the settling
    /// thread's: fresh pages zeroed in the kernel were a sixth of its time), beside the phase
    /// `mark` ends next.
    mutating func noteThread(_ name: String, since: ThreadUsage) {
        guard enabled else { return }
        let now = ThreadUsage()
        phases.append(("  " + name, now.wall - since.wall, now.cpu - since.cpu,
                       "kernel \((now.kernel - since.kernel) / 1000) ms, \(now.faults - since.faults) page faults"))
    }

    /// A thread's wall, CPU and kernel microseconds and page faults so far (`getrusage`).
    struct ThreadUsage {
        fileprivate var wall = 0, cpu = 0, kernel = 0, faults = 0

        init() {
            #if os(Linux)
            var usage = rusage()
            getrusage(__rusage_who_t(1), &usage)  // RUSAGE_THREAD
            func micros(_ time: timeval) -> Int { time.tv_sec * 1_000_000 + time.tv_usec }
            kernel = micros(usage.ru_stime)
            cpu = micros(usage.ru_utime) + kernel
            faults = usage.ru_minflt + usage.ru_majflt
            #endif
            wall = Stopwatch.micros(CLOCK_MONOTONIC)
        }
    }

    /// Wall and CPU microseconds since it was made.
    struct Stopwatch {
        private let clock: clockid_t
        private let wallStart: Int
        private let cpuStart: Int

        /// `clock`: whose CPU time — the process's or the calling thread's.
        init(clock: clockid_t = CLOCK_THREAD_CPUTIME_ID) {
            self.clock = clock
            wallStart = Stopwatch.micros(CLOCK_MONOTONIC)
            cpuStart = Stopwatch.micros(clock)
        }

        var wall: Int { Stopwatch.micros(CLOCK_MONOTONIC) - wallStart }
        var cpu: Int { Stopwatch.micros(clock) - cpuStart }

        struct Reading: Sendable {
            var wall: Int
            var cpu: Int
        }

        /// Both times now (on the thread that made it, for a thread's clock).
        var reading: Reading { Reading(wall: wall, cpu: cpu) }

        fileprivate static func micros(_ clock: clockid_t) -> Int {
            var time = timespec()
            clock_gettime(clock, &time)
            return time.tv_sec * 1_000_000 + time.tv_nsec / 1000
        }
    }

    func report() {
        guard enabled else { return }
        for phase in phases {
            Terminal.error("timing: \(phase.name) \(phase.wall / 1000) ms (cpu \(phase.cpu / 1000) ms) \(phase.memory)")
        }
    }

    /// `rss=… MiB peak=… MiB` from /proc/self/status (empty where there is none).
    private static func memory() -> String {
        guard let file = fopen("/proc/self/status", "r") else { return "" }
        defer { fclose(file) }
        var fields: [String: String] = [:]
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            for key in ["VmRSS", "VmHWM"] where text.hasPrefix(key + ":") {
                let kilobytes = Int(text.dropFirst(key.count + 1).filter(\.isNumber)) ?? 0
                fields[key] = "\(kilobytes / 1024) MiB"
            }
        }
        guard let rss = fields["VmRSS"], let peak = fields["VmHWM"] else { return "" }
        return "rss=\(rss) peak=\(peak)"
    }
}
