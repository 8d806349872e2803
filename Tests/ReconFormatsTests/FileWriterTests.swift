import Foundation
import Testing
import ReconTestSupport
@testable import ReconFormats

/// A writer's bytes reach the file whole and in order, and the kernel is asked to write them to
/// disk as they come (`WriteBack`), not only at `fsync`.
@Suite struct FileWriterTests {
    /// 20 MiB and a tail in pieces of every kind: smaller than the buffer, exactly as large, larger.
    static func pieces() -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var seed: UInt8 = 1
        for size in [1, 1000, 1 << 20, 3 << 20, 17, (1 << 20) - 1, 5 << 20, 70_000] + Array(repeating: 1 << 19, count: 20) {
            var piece = [UInt8](repeating: seed, count: size)
            piece[size / 2] = seed &+ 1
            pieces.append(piece)
            seed &+= 7
        }
        return pieces
    }

    @Test func everyByteArrivesAndWriteBackIsStartedAsTheFileGrows() throws {
        let temporary = TemporaryDirectory()
        let output = try OutputDirectory(path: temporary.path + "/out")
        let writer = try output.create("big.bin")
        let pieces = Self.pieces()
        let total = pieces.reduce(0) { $0 + $1.count }
        for piece in pieces { try writer.write(piece) }
        #expect(total > 20 << 20)
        if WriteBack.isAvailable {
            // Asked in runs of at least 8 MiB of what was sent, never beyond it.
            #expect(writer.writeBackStart >= 16 << 20)
            #expect(writer.writeBackStart <= writer.sent)
        }
        try writer.flushAndStartWriteBack()
        #expect(writer.sent == Int64(total))
        #expect(writer.writeBackStart == (WriteBack.isAvailable ? Int64(total) : 0))
        try output.commit()
        let written = try Data(contentsOf: URL(fileURLWithPath: temporary.path + "/out/big.bin"))
        var expected = Data(capacity: total)
        for piece in pieces { expected.append(contentsOf: piece) }
        #expect(written == expected)
    }

    #if os(Linux)
    @Test func theCallIsFoundOnLinux() {
        #expect(WriteBack.isAvailable)
    }
    #endif

    /// A pipe cannot be written back: the requests fail, and writing goes on as before.
    @Test func aPipeTakesEverything() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let readEnd = ends[0]
        let reading = Task.detached { () -> Int in
            var count = 0
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let read = buffer.withUnsafeMutableBytes { Foundation.read(readEnd, $0.baseAddress, $0.count) }
                if read <= 0 { break }
                count += read
            }
            close(readEnd)
            return count
        }
        do {  // the writer closes its end when it goes
            let writer = FileWriter(path: "<pipe>", descriptor: ends[1])
            let piece = [UInt8](repeating: 0x41, count: 300_000)
            for _ in 0..<40 { try writer.write(piece) }
            try writer.flushAndStartWriteBack()
            #expect(writer.sent == 12_000_000)
        }
        #expect(await reading.value == 12_000_000)
    }
}
