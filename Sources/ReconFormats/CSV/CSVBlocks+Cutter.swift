import ReconCore

/// The rest of a CSV input cut into blocks of whole lines (`CSVBlocks`): the bytes read from the
/// source and not yet in a block, and where a line too long to cut stopped the cutting. Used by
/// one thread at a time (the caller's, or under `BlocksAhead`'s lock).
final class BlockCutter: @unchecked Sendable {
    private let source: any ByteSource
    private let blockSize: Int
    private let longestLine: Int
    /// Bytes read from `source` and not yet in a block.
    private var pending: [UInt8]
    private var atEOF = false
    /// Set when no line break was found within `longestLine`: the bytes from here on (before the
    /// rest of `source`), for one reader.
    var restHead: [UInt8]?

    init(buffered: [UInt8], source: any ByteSource, blockSize: Int, maxRecordBytes: Int) {
        pending = buffered
        self.source = source
        self.blockSize = blockSize
        longestLine = blockSize + maxRecordBytes + 2
    }

    /// The next block: `blockSize` bytes or so, ending after a line break; the last one ends where
    /// the input does. nil at the end of the input, or when a line is too long to cut (`restHead`).
    func cut() throws -> [UInt8]? {
        if restHead != nil { return nil }
        try fill(to: blockSize)
        if pending.isEmpty { return nil }
        if atEOF && pending.count <= blockSize { return take(pending.count) }
        var searchEnd = min(pending.count, blockSize)
        while true {
            if let cut = lastLineBreak(before: searchEnd) { return take(cut) }
            if pending.count >= longestLine || atEOF {
                if atEOF && pending.count < longestLine { return take(pending.count) }
                // A line too long to cut: one reader goes on from here.
                restHead = pending
                pending = []
                return nil
            }
            searchEnd = pending.count
            try fill(to: min(pending.count * 2, longestLine))
        }
    }

    /// A reader over `restHead` and the rest of the source (see `CSVBlocks.restReader`).
    func rest(_ makeReader: (any ByteSource, Int) -> CSVReader, line: Int) -> CSVReader? {
        restHead.map { makeReader(PrefixedByteSource(head: $0, rest: source), line) }
    }

    /// Where a line ends last before `end`: after a LF, or after a CR that no LF follows.
    private func lastLineBreak(before end: Int) -> Int? {
        pending.withUnsafeBufferPointer { bytes in
            var index = end - 1
            while index >= 0 {
                let byte = bytes[index]
                if byte == 0x0A { return index + 1 }
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] != 0x0A { return index + 1 }
                index -= 1
            }
            return nil
        }
    }

    /// The first `count` bytes of `pending` as a block. The block is `pending` itself, cut short:
    /// only what follows it (less than a line, as a rule) is copied, to be the next `pending`.
    private func take(_ count: Int) -> [UInt8] {
        var block: [UInt8] = []
        swap(&block, &pending)
        if count < block.count {
            pending = Array(block[count...])
            block.removeSubrange(count...)
        }
        return block
    }

    /// Reads until `pending` holds `count` bytes or the source ends, straight into new storage
    /// (zeroed first, it cost a pass over every byte).
    private func fill(to count: Int) throws {
        guard pending.count < count, !atEOF else { return }
        let start = pending.count
        var reachedEnd = false
        pending = try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            pending.withUnsafeBufferPointer { held in
                if let from = held.baseAddress { buffer.baseAddress!.initialize(from: from, count: start) }
            }
            initialized = start
            while initialized < count {
                let read = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer.baseAddress! + initialized, count: count - initialized))
                if read == 0 { reachedEnd = true; break }
                initialized += read
            }
        }
        if reachedEnd { atEOF = true }
    }
}

/// One block read into rows, by the reader of worker 0 or 1 (each has its own parser state).
struct BlockParser<Rows: BlockRows>: @unchecked Sendable {
    let path: String
    let makeReader: (any ByteSource, Int) -> CSVReader
    let read: CSVBlocks<Rows>.ReadBlock

    struct Parsed {
        var rows: Rows
        var lines: Int
        /// The block ended inside a quoted field: its last record runs on into the next block.
        var unfinished: Bool
        var error: (any Error)?
        /// Which reader read it (0 or 1).
        var worker: Int
    }

    /// The block is read where it lies (copied into each reader's buffer, its megabyte was
    /// written once more and its pages touched anew); the reader is dropped before `bytes` can
    /// be (`read` must not keep it).
    func parse(_ bytes: [UInt8], worker: Int) -> Parsed {
        bytes.withUnsafeBufferPointer { block in
            // The path in storage of its own: every location of the block holds it, and the two
            // cores counting references to one string slowed both.
            let reader = makeReader(BorrowedBytes(block, path: path.unshared()), 1)
            var rows = Rows()
            var error: (any Error)?
            do {
                try read(worker, reader, &rows)
            } catch let thrown {
                error = thrown
            }
            return Parsed(rows: rows, lines: reader.currentLine - 1, unfinished: reader.endedInQuotes, error: error,
                          worker: worker)
        }
    }
}
