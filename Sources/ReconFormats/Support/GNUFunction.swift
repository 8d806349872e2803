#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A function of glibc that Swift's Glibc module does not export (a GNU extension), looked up by
/// name in the running process; nil where there is none (another C library, macOS). Used for
/// `renameat2` (`DirectoryExchange`) and `sync_file_range` (`WriteBack`).
enum GNUFunction {
    static func named<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
        #else
        return nil
        #endif
    }
}
