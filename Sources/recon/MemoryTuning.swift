import CMimalloc
import ReconApp
#if canImport(Glibc)
import Glibc
#endif

/// recon's memory comes from mimalloc, linked into the executable: as the first library to define
/// `malloc`, it serves every allocation of the process (Swift's runtime, libxml2, SQLite) in
/// place of glibc's. A run builds and drops millions of small strings, boxes and arrays on
/// several threads, and frees on one thread what another made; mimalloc keeps such memory in
/// pages of one size each, per thread, and takes frees from other threads without a lock.
/// Measured on the 1M benchmark in alternating runs against glibc's allocator as recon had tuned
/// it (trim threshold 1 GiB, top pad 64 MiB, mmap threshold 32 MiB, huge pages): CSV reconcile
/// peak 1.84–1.86 → 1.63 GB, system time lower in 6 of 6 pairs and wall lower in 4 (median
/// 11.4 → 11.1 s); camt reconcile 21.9 / 21.3 / 20.5 s → 20.8 / 18.7 / 18.6 s, peak 1.81–1.84 →
/// 1.62 GB; 2.8 % fewer instructions for the 100k CSV reconcile (docs/performance-log.md).
///
/// For the commands that hold a whole run in memory, mimalloc asks for transparent huge pages
/// (`madvise`): a 2 MiB page is one fault where 512 small pages were 512, each zeroed and mapped
/// on its own — on the benchmark machine up to 3 s a GB of system time. The `inspect` commands, which
/// stream, keep small pages: they paid more system time with huge ones. `MIMALLOC_LARGE_OS_PAGES`
/// in the environment decides instead, and mimalloc's other `MIMALLOC_*` options apply as it
/// documents them.
enum MemoryTuning {
    /// The commands that hold a whole run (items, transactions, results) in memory.
    static let largeHeapCommands: Set<String> = ["reconcile", "match", "import"]

    static func apply() {
        let arguments = CommandLine.arguments
        if getenv("MIMALLOC_LARGE_OS_PAGES") == nil, arguments.count > 1, largeHeapCommands.contains(arguments[1]) {
            mi_option_set_enabled(mi_option_large_os_pages, true)
        }
        if getenv("RECON_TIMINGS") != nil { Terminal.error(description) }
    }

    /// `timing: allocator mimalloc 2.0.9, huge pages on` — or glibc's, should the executable have
    /// been linked so that another library's `malloc` comes first.
    static var description: String {
        let number = Int(mi_version())
        let version = "\(number / 100).\(number / 10 % 10).\(number % 10)"
        guard mallocIsMimalloc else { return "timing: allocator glibc (mimalloc \(version) linked but not in use)" }
        let pages = mi_option_is_enabled(mi_option_large_os_pages) ? "on" : "off"
        return "timing: allocator mimalloc \(version), huge pages \(pages)"
    }

    /// Whether a block from `malloc` lies in mimalloc's heap.
    static var mallocIsMimalloc: Bool {
        guard let block = malloc(64) else { return false }
        defer { free(block) }
        return mi_is_in_heap_region(block)
    }
}
