import Testing
@testable import ReconCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct RoomAheadTests {
    @Test func rangesAreWholePagesOfTheReservedRoomAfterTheRowsEachFaultedOnce() throws {
        let page = RoomAhead.pageSize
        var rows: [UInt64] = []
        rows.reserveCapacity(Int(8 * page))  // 64 pages of room
        rows.append(contentsOf: 0..<100)
        let base = rows.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        var room = RoomAhead()

        let firstRange = room.next(of: rows, rows: Int(page))  // 8 pages' worth of rows
        let first = try #require(firstRange)
        #expect(first.lowerBound % page == 0 && first.upperBound % page == 0)
        #expect(first.lowerBound >= base + 100 * 8 && first.lowerBound < base + 100 * 8 + page)
        #expect(first.upperBound <= base + (100 + UInt(page)) * 8 && first.upperBound > base + (100 + UInt(page)) * 8 - page)

        // Asked again for the same rows: nothing new; for more, it goes on where the last ended.
        let repeated = room.next(of: rows, rows: Int(page))
        #expect(repeated == nil)
        let secondRange = room.next(of: rows, rows: Int(2 * page))
        let second = try #require(secondRange)
        #expect(second.lowerBound == first.upperBound)

        // Never past the capacity.
        let restRange = room.next(of: rows, rows: 1 << 30)
        let rest = try #require(restRange)
        #expect(rest.upperBound <= base + UInt(rows.capacity) * 8)
        let beyond = room.next(of: rows, rows: 1 << 30)
        #expect(beyond == nil)
        let none = room.next(of: rows, rows: 0)
        #expect(none == nil)
    }

    @Test func anArrayThatMovedStartsOverFromItsRows() throws {
        let page = RoomAhead.pageSize
        var rows: [UInt64] = [1, 2, 3]
        rows.reserveCapacity(Int(4 * page))
        var room = RoomAhead()
        let whole = room.next(of: rows, rows: 1 << 30)
        #expect(whole != nil)
        var moved: [UInt64] = []
        moved.reserveCapacity(Int(8 * page))
        moved.append(contentsOf: rows)
        let base = moved.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let found = room.next(of: moved, rows: Int(page))
        let range = try #require(found)
        #expect(range.lowerBound == (base + 3 * 8 + page - 1) / page * page)
    }

    @Test func faultedInPagesAreResidentAndKeepTheirBytes() throws {
        #if os(Linux)
        let page = RoomAhead.pageSize
        var rows: [UInt8] = [7, 7, 7]
        rows.reserveCapacity(Int(512 * page))  // fresh memory, not yet touched
        var room = RoomAhead()
        let found = room.next(of: rows, rows: Int(256 * page))
        let range = try #require(found)
        let pages = Int((range.upperBound - range.lowerBound) / page)
        func resident() -> Int {
            var vector = [UInt8](repeating: 0, count: pages)
            let status = mincore(UnsafeMutableRawPointer(bitPattern: range.lowerBound), Int(range.upperBound - range.lowerBound), &vector)
            return status == 0 ? vector.count { $0 & 1 == 1 } : -1
        }
        guard RoomAhead.faultIn(range) else { return }  // a kernel before 5.14: nothing to check
        #expect(resident() == pages)
        #expect(rows == [7, 7, 7])
        rows.append(contentsOf: repeatElement(9, count: Int(256 * page)))
        #expect(rows.count == 3 + Int(256 * page) && rows.last == 9)
        #endif
    }
}
