#if canImport(Glibc)
import Glibc
#endif

/// The reserved room of an array, faulted in before its rows are appended there.
///
/// A fresh page costs this machine up to 3 s a GB in the kernel, zeroed on the first write: the
/// settling thread spent 0.6–0.9 s of a 1M run's 3.9–6.8 s of settling in the kernel, about 0.55 s
/// of it on the rows written into the result arrays reserved ahead. The core that works out the
/// next payments' clues idles part of each chunk; it faults those pages in first
/// (`madvise(MADV_POPULATE_WRITE)`, Linux 5.14 and later), and the settling thread finds them ready.
///
/// Only addresses are kept, never a pointer that is read or written: faulting a page in leaves its
/// bytes as they are, so a range the array has since left (grown elsewhere) costs a little memory,
/// never a wrong value.
struct RoomAhead {
    private var storage: UInt = 0
    /// Where the room faulted in so far ends.
    private var faultedEnd: UInt = 0

    /// The whole pages to fault in: from the end of those faulted in before (or the first page
    /// after the rows already in `array`: one they share is left to them) to the last page that
    /// `rows` more rows fill, within its capacity; nil when there is nothing to do.
    mutating func next<Element>(of array: [Element], rows: Int) -> Range<UInt>? {
        let stride = UInt(MemoryLayout<Element>.stride)
        guard stride > 0, rows > 0 else { return nil }
        let base = array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        guard base != 0 else { return nil }
        if base != storage {
            storage = base
            faultedEnd = 0
        }
        let page = Self.pageSize
        let start = max(faultedEnd, (base + UInt(array.count) * stride + page - 1) / page * page)
        let end = (base + UInt(min(array.count + rows, array.capacity)) * stride) / page * page
        guard start < end else { return nil }
        faultedEnd = end
        return start..<end
    }

    static let pageSize: UInt = {
        #if os(Linux)
        UInt(max(sysconf(Int32(_SC_PAGESIZE)), 4096))
        #else
        16384
        #endif
    }()

    /// Faults in the pages of `range` (from `next`) for writing; false where the system cannot
    /// (before Linux 5.14, or not Linux), and nothing is done.
    @discardableResult
    static func faultIn(_ range: Range<UInt>) -> Bool {
        #if os(Linux)
        guard let address = UnsafeMutableRawPointer(bitPattern: range.lowerBound) else { return false }
        return madvise(address, Int(range.upperBound - range.lowerBound), 23) == 0  // MADV_POPULATE_WRITE
        #else
        return false
        #endif
    }
}
