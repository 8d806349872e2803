#if canImport(Glibc)
import Glibc
#endif

/// The progress line of a long run on stderr: entries read, matched, and how many per second.
///
/// Nothing is shown during the first `delay` milliseconds, so short runs print nothing; after that
/// the line is redrawn in place (`\r`) at most every `interval` milliseconds, and cleared at the end.
/// Time is counted in whole milliseconds, like everything else in recon in integers. A class: it
/// counts across the phases of one run.
public final class ProgressLine: @unchecked Sendable {
    public let delay: Int64
    public let interval: Int64
    private let clock: () -> Int64
    private let sink: (String) -> Void
    private let start: Int64
    private var phaseStart: Int64
    private var lastDrawn: Int64?
    private var read = 0
    private var matched = 0
    private var matching = false

    /// `clock` returns milliseconds on a monotonic scale; `sink` receives the terminal text.
    public init(delay: Int64 = 2000, interval: Int64 = 250,
                clock: @escaping () -> Int64 = ProgressLine.monotonicMilliseconds, sink: @escaping (String) -> Void) {
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
    public func text(now: Int64) -> String {
        let elapsed = max(now - phaseStart, 1)
        let count = Int64(matching ? matched : read)
        let rate = (count * 1000 + elapsed / 2) / elapsed
        return "recon: \(read) entries read, \(matched) matched, \(rate)/s"
    }

    private func tick() {
        let now = clock()
        guard now - start >= delay else { return }
        if let lastDrawn, now - lastDrawn < interval { return }
        lastDrawn = now
        sink("\r" + text(now: now) + "\u{1B}[K")
    }

    public static func monotonicMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
