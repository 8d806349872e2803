import Synchronization
import Testing
import ReconCore
@testable import ReconFormats

/// How the camt reader takes its input and hands out records: libxml2 pulls bytes as it needs
/// them, records go to the caller as they are finished, and a failure on either side stops the
/// read with that failure.
@Suite struct CamtStreamingTests {
    /// Bytes in pieces of at most `piece`, counting what was handed out; throws `failure` once
    /// `failAfter` bytes were read.
    final class PiecewiseSource: ByteSource {
        let path = "s.xml"
        let bytes: [UInt8]
        let piece: Int
        var failAfter = Int.max
        /// Read from the caller's thread while the reader's scanner thread reads on.
        private let bytesRead = Atomic<Int>(0)
        var offset: Int { bytesRead.load(ordering: .acquiring) }

        init(_ text: String, piece: Int) {
            bytes = Array(text.utf8)
            self.piece = piece
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            if offset >= failAfter { throw ReadError.io(path: path, message: "device gone") }
            let count = min(piece, buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            bytesRead.add(count, ordering: .releasing)
            return count
        }
    }

    struct Stop: Error {}

    /// `count` credits with their own references.
    static func entries(_ count: Int) -> String {
        (1...count).map { creditV02.replacing("REF-1", with: "REF-\($0)") }.joined(separator: "\n")
    }

    static func records(_ source: any ByteSource) throws -> [String] {
        var records: [String] = []
        try CamtReader(source: source).forEachRecord { records.append("\($0)") }
        return records
    }

    @Test(arguments: [1, 7, 4096])
    func readsTheSameFromAnyPieceSize(piece: Int) throws {
        let text = camt053(Self.entries(5))
        let whole = try Self.records(MemoryByteSource(text, path: "s.xml"))
        #expect(whole.count == 6)
        #expect(try Self.records(PiecewiseSource(text, piece: piece)) == whole)
    }

    @Test func recordsArriveWhileTheFileIsRead() throws {
        // About 2.5 MB: ten times the reader's chunk.
        let source = PiecewiseSource(camt053(Self.entries(4000)), piece: 1 << 20)
        var readAtFirstEntry: Int?
        var entries = 0
        try CamtReader(source: source).forEachRecord { record in
            guard case .entry = record else { return }
            entries += 1
            if readAtFirstEntry == nil { readAtFirstEntry = source.offset }
        }
        #expect(entries == 4000)
        #expect(try #require(readAtFirstEntry) <= 1 << 20)
        #expect(source.offset == source.bytes.count)
    }

    @Test func whatTheCallerThrowsStopsTheRead() throws {
        var delivered = 0
        #expect(throws: Stop.self) {
            try CamtReader(source: MemoryByteSource(camt053(Self.entries(5)), path: "s.xml")).forEachRecord { record in
                delivered += 1
                if case .entry(let entry) = record, entry.bankRef == "REF-2" { throw Stop() }
            }
        }
        #expect(delivered == 3)  // the statement, REF-1, REF-2: nothing after the throw
    }

    @Test func anInputFailureIsPassedOnAsItIs() {
        let source = PiecewiseSource(camt053(Self.entries(5)), piece: 100)
        source.failAfter = 900
        var message: String?
        do {
            try CamtReader(source: source).forEachRecord { _ in }
        } catch ReadError.io(let path, let text) {
            message = "\(path): \(text)"
        } catch {
            message = "other: \(error)"
        }
        #expect(message == "s.xml: device gone")
    }
}
