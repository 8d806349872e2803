#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Linux `renameat2(…, RENAME_EXCHANGE)`: two paths swap places in one step, so that a reader (or a
/// crash) sees either the old directory or the new one, never neither.
///
/// Swift's Glibc module does not export `renameat2` (it is a GNU extension), and `syscall(2)` is
/// variadic, which Swift cannot call; glibc has exported the `renameat2` symbol since 2.28, so it is
/// looked up with `dlsym` rather than adding a C target for one call. Without it (older glibc,
/// musl, macOS), or when the file system refuses (`EINVAL`: it cannot exchange), the caller falls
/// back to renaming files one by one.
enum DirectoryExchange {
    enum Result: Equatable {
        case exchanged
        /// No `renameat2`, or not on this file system.
        case unsupported
        case failed(Int32)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let renameExchange: UInt32 = 1 << 1

    private static let renameat2 = GNUFunction.named("renameat2", as: RenameAt2.self)

    /// Swaps `first` and `second` (both must exist, on one file system).
    static func exchange(_ first: String, _ second: String) -> Result {
        guard let renameat2 else { return .unsupported }
        #if os(Linux)
        if renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return .exchanged }
        let code = errno
        return code == ENOSYS || code == EINVAL ? .unsupported : .failed(code)
        #else
        return .unsupported
        #endif
    }
}
