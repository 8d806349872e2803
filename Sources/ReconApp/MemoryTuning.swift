#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator hands memory back to the kernel whenever the top of the heap has 128 KiB
/// free, and takes it again a moment later: each time the kernel zeroes the pages anew. A
/// reconciliation builds and drops millions of small strings and arrays, so on the 1M-entry
/// benchmark this churn cost 13 s of system time and `clear_page` was the hottest function.
/// recon is a short-lived process: it keeps what it freed (trim threshold 1 GiB) and grows the
/// heap 64 MiB at a time. Measured on the 1M camt reconcile: 48.0 s → 40.6 s wall, the same
/// peak memory (docs/performance.md). `RECON_MALLOC=glibc`, `MALLOC_TRIM_THRESHOLD_` or
/// `MALLOC_TOP_PAD_` in the environment leave glibc's own handling in place (the mmap threshold
/// below too).
///
/// Where the kernel gives transparent huge pages only to memory that asks for them (`madvise`, the
/// usual setting), recon also has glibc ask for them for its heap: a 2 MiB page is one fault where
/// 512 small pages were 512, each zeroed and mapped on its own — on the benchmark machine about
/// 2 s a GB of system time. glibc takes that setting (the tunable `glibc.malloc.hugetlb=1`) only
/// at the start of a process, so recon runs itself once more with it added to `GLIBC_TUNABLES` —
/// for the commands that hold a whole run in memory only. 1M camt reconcile, 3 alternating runs:
/// 26.5–29.2 s with, 29.4–33.6 s without; `inspect --invoices` of 1.1M items, which holds far
/// less, paid more system time with them (1.8–2.6 s against 1.6–1.9 s).
///
/// Setting the trim threshold also stops glibc from raising its mmap threshold as it goes: every
/// block of 128 KiB or more (a CSV block's buffer and rows, the arrays a block's reader grows) was
/// mapped fresh, zeroed by the kernel and unmapped again. recon keeps blocks below 32 MiB (glibc's
/// ceiling) in its heap. 1M CSV reconcile, 3 alternating runs: page faults 21–33k → 4.4–5.5k, the
/// reading phase 4.6–6.0 s → 3.8–4.2 s (CPU 8.5–11.6 s → 6.7–7.9 s), peak +70 MiB; 1M camt
/// reconcile: faults 15–21k → 5.8k, peak 1818 → 1911 MiB (16 MiB kept it at 1847 MiB, but left
/// 7.6k faults and a slower CSV read).
public enum MemoryTuning {
    public static func apply() {
        #if canImport(Glibc)
        let glibc = getenv("RECON_MALLOC").map { String(cString: $0) == "glibc" } ?? false
        guard !glibc else { return }
        restartWithHugePages()
        guard getenv("MALLOC_TRIM_THRESHOLD_") == nil, getenv("MALLOC_TOP_PAD_") == nil else { return }
        // <malloc.h> is not part of the Glibc module: mallopt is looked up by name (RTLD_DEFAULT),
        // with the parameter numbers of glibc's ABI.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
        _ = mallopt(trimThreshold, 1 << 30)
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(mmapThreshold, 32 << 20)
        #endif
    }

    #if canImport(Glibc)
    static let hugePagesTunable = "glibc.malloc.hugetlb"
    /// The commands that hold a whole run (items, transactions, results) in memory.
    static let largeHeapCommands: Set<String> = ["reconcile", "match", "import"]

    /// Runs the process again with `glibc.malloc.hugetlb=1` when the kernel hands out huge pages
    /// on request only and the tunable is not set yet (so at most once); goes on as it is when the
    /// new image cannot be started.
    private static func restartWithHugePages() {
        let tunables = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        guard CommandLine.arguments.count > 1, largeHeapCommands.contains(CommandLine.arguments[1]),
              !(tunables ?? "").contains(hugePagesTunable), hugePagesOnRequest() else { return }
        let value = (tunables.map { $0 + ":" } ?? "") + hugePagesTunable + "=1"
        guard setenv("GLIBC_TUNABLES", value, 1) == 0 else { return }
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        if let tunables { setenv("GLIBC_TUNABLES", tunables, 1) } else { unsetenv("GLIBC_TUNABLES") }
    }

    /// Whether transparent huge pages are `madvise` (`always` needs nothing, `never` gives nothing).
    private static func hugePagesOnRequest() -> Bool {
        guard let file = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r") else { return false }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return false }
        return line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }.contains("[madvise]")
    }
    #endif
}
