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
/// `MALLOC_TOP_PAD_` in the environment leave glibc's own handling in place.
public enum MemoryTuning {
    public static func apply() {
        #if canImport(Glibc)
        let glibc = getenv("RECON_MALLOC").map { String(cString: $0) == "glibc" } ?? false
        guard !glibc, getenv("MALLOC_TRIM_THRESHOLD_") == nil, getenv("MALLOC_TOP_PAD_") == nil else { return }
        // <malloc.h> is not part of the Glibc module: mallopt is looked up by name (RTLD_DEFAULT),
        // with the parameter numbers of glibc's ABI.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2
        _ = mallopt(trimThreshold, 1 << 30)
        _ = mallopt(topPad, 64 << 20)
        #endif
    }
}
