#if canImport(Glibc)
import Glibc
#endif

/// The progress line of a long run on stderr: entries read, matched, and how many per second.
///
/// Nothing is shown during the first `delay` seconds, so short runs print nothing; after that the
/// line is redrawn in place (`\r`) at most every `interval` seconds, and cleared at the end. A class:
/// it counts across the phases of one run.
public final class ProgressLine: @unchecked Sendable {
    public let delay: Double
    public let interval: Double
    private let clock: () -> Double
    private let sink: (String) -> Void
    private let start: Double
    private var phaseStart: Double
    private var lastDrawn: Double?
    private var read = 0
    private var matched = 0
    private var matching = false

    /// `clock` returns seconds on a monotonic scale; `sink` receives the terminal text.
    public init(delay: Double = 2, interval: Double = 0.25, clock: @escaping () -> Double = ProgressLine.monotonicSeconds,
                sink: @escaping (String) -> Void) {
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.sink = sink
        start = clock()
        phaseStart = start
    }

    public func entriesRead(_ count: Int) {
        // The rate counts from the first bank entry, not from the start (open items come first).
        if read == 0 { phaseStart = clock() }
        read = count
        tick()
    }

    public func transactionsMatched(_ count: Int) {
        if !matching {
            matching = true
            phaseStart = clock()
        }
        matched = count
        tick()
    }

    /// Clears the line, if one was drawn.
    public func finish() {
        if lastDrawn != nil { sink("\r\u{1B}[K") }
        lastDrawn = nil
    }

    /// The text of the line now.
    public func text(now: Double) -> String {
        let elapsed = max(now - phaseStart, 0.001)
        let rate = Int((Double(matching ? matched : read) / elapsed).rounded())
        return "recon: \(read) entries read, \(matched) matched, \(rate)/s"
    }

    private func tick() {
        let now = clock()
        guard now - start >= delay else { return }
        if let lastDrawn, now - lastDrawn < interval { return }
        lastDrawn = now
        sink("\r" + text(now: now) + "\u{1B}[K")
    }

    public static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
