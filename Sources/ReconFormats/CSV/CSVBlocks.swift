import ReconCore

/// Reads the rest of a CSV input as blocks of whole lines, two blocks at a time, one on each core,
/// and hands back their rows in file order: the same rows, findings and line numbers as one reader
/// going through the input (a property test compares the two).
///
/// A block is cut after a line break without knowing whether the cut falls inside a quoted field.
/// The first block of a pair starts at a record for certain (the input's start, or where the block
/// before ended cleanly); when its reader ends outside quotes the cut was a record boundary, and the
/// second block, read at the same time, was read from a record start too. When it ends inside
/// quotes, a quoted field went on past the cut: the two blocks are joined and read again. A line
/// longer than a block and a record limit together is left to a single reader (`restReader`).
///
/// Rows carry locations relative to their block (line 1 = the block's first line); the caller adds
/// `lineOffset` to them.
final class CSVBlocks<Rows: BlockRows> {
    /// The rows of one block, and what to add to their line numbers.
    struct Block {
        var rows = Rows()
        var lineOffset = 0
        /// What stopped reading after `rows` (a CSV syntax error), its lines already shifted.
        var error: (any Error)?
    }

    /// Reads every record of one block into rows; `worker` is 0 or 1 (each has its own parser).
    typealias ReadBlock = (_ worker: Int, _ reader: CSVReader, _ rows: inout Rows) throws -> Void

    private let path: String
    private let source: any ByteSource
    private let makeReader: (any ByteSource, Int) -> CSVReader
    private let read: ReadBlock
    private let blockSize: Int
    private let longestLine: Int
    /// Bytes read from `source` and not yet in a block.
    private var pending: [UInt8]
    private var atEOF = false
    /// A block (or blocks joined) whose last record may go on in the next.
    private var carry: [UInt8]?
    /// The line the next block starts on.
    private var nextLine: Int
    /// Set when no line break was found within `longestLine`: the bytes from here on (before the
    /// rest of `source`), for one reader.
    private var restHead: [UInt8]?

    /// `buffered` and `source`: the input after the header (`CSVReader.remainder()`), starting on
    /// `line`. `makeReader` makes a reader with the file's dialect over a block starting on a line.
    ///
    /// `prefetch`: read the next pair on other threads while the caller works through the last.
    /// A caller that frees the rows it is given must not free them itself: it would free memory
    /// of the reading threads' malloc arenas while they allocate in them (1M bank rows took
    /// 2.0–2.6 s against 1.8–2.0 s, four times the system time). It hands them back instead
    /// (`next(dropping:)`), and the threads that read the pair after next let go of them first,
    /// each of the block its predecessor made: a thread takes the arena of the one before it.
    init(path: String, buffered: [UInt8], source: any ByteSource, line: Int, blockSize: Int = 4 << 20,
         maxRecordBytes: Int, prefetch: Bool = false,
         makeReader: @escaping (any ByteSource, Int) -> CSVReader, read: @escaping ReadBlock) {
        self.path = path
        self.prefetch = prefetch
        self.pending = buffered
        self.source = source
        self.nextLine = line
        self.blockSize = max(blockSize, 16)
        self.longestLine = self.blockSize + maxRecordBytes + 2
        self.makeReader = makeReader
        self.read = read
    }

    /// Read the next pair while the caller works through the last (see `init`).
    private let prefetch: Bool
    /// The pair after the one handed out last, read on another thread while the caller works
    /// through that one (the caller touches nothing of this reader meanwhile: its next call waits).
    private var upcoming: Background<Result<[Block]?, any Error>>?

    /// The next one or two blocks' rows, in order; nil at the end (or when `restReader()` takes
    /// over). After a block with an error, reading stops: call no more. `spent`: what the caller
    /// made of the pair before, by block, to be let go of by the threads that read the next
    /// pair (see `init`).
    func next(dropping spent: [Spent] = []) throws -> [Block]? {
        let blocks = try (upcoming.take()?.wait() ?? Result { try readPair(dropping: []) }).get()
        if prefetch, let blocks, blocks.last?.error == nil {
            upcoming = .start { Result { try self.readPair(dropping: spent) } }
        } else {
            for box in spent { box.value = nil }
        }
        return blocks
    }

    /// What a caller made of one block's rows, handed back to be let go of (see `init`).
    final class Spent {
        var value: Any?
        init(_ value: Any) { self.value = value }
    }

    /// The next one or two blocks, read at the same time, after letting go of `spent` (the first
    /// block's on this thread, the second's on the other).
    private func readPair(dropping spent: [Spent]) throws -> [Block]? {
        var spent = spent
        while true {
            guard let first = try carry ?? cut() else { return nil }
            carry = nil
            let second = try cut()
            let dropped = spent
            spent = []
            let (a, b) = concurrently({ () -> Parsed in
                if dropped.count > 0 { dropped[0].value = nil }
                return self.parse(first, worker: 0)
            }, { () -> Parsed? in
                for box in dropped.dropFirst() { box.value = nil }
                return second.map { self.parse($0, worker: 1) }
            })
            if a.unfinished, let second {
                carry = first + second
                continue
            }
            if a.unfinished, let head = restHead {
                // Its last record goes on into the line too long to cut: the single reader starts here.
                restHead = first + head
                return nil
            }
            var blocks = [shifted(a)]
            if a.error == nil, let b, let second {
                if b.unfinished {
                    carry = second
                } else {
                    blocks.append(shifted(b))
                }
            }
            return blocks
        }
    }

    /// After `next()` returned nil: a reader for the rest of the input when the blocks stopped
    /// at a line too long to cut (nil when the input was read to its end).
    func restReader() -> CSVReader? {
        if let upcoming { _ = upcoming.wait() }
        return restHead.map { makeReader(PrefixedByteSource(head: $0, rest: source), nextLine) }
    }

    private struct Parsed {
        var rows: Rows
        var lines: Int
        var unfinished: Bool
        var error: (any Error)?
    }

    private func parse(_ bytes: [UInt8], worker: Int) -> Parsed {
        // The path in storage of its own: every location of the block holds it, and the two
        // cores counting references to one string slowed both.
        let reader = makeReader(MemoryByteSource(bytes, path: path.unshared()), 1)
        var rows = Rows()
        var error: (any Error)?
        do {
            try read(worker, reader, &rows)
        } catch let thrown {
            error = thrown
        }
        return Parsed(rows: rows, lines: reader.currentLine - 1, unfinished: reader.endedInQuotes, error: error)
    }

    /// The block's rows with its line offset; moves `nextLine` past it.
    private func shifted(_ parsed: Parsed) -> Block {
        let offset = nextLine - 1
        nextLine += parsed.lines
        var error = parsed.error
        if case .invalid(let findings)? = error as? ReadError {
            error = ReadError.invalid(findings.map { $0.shifted(by: offset) })
        }
        return Block(rows: parsed.rows, lineOffset: offset, error: error)
    }

    /// The next block: `blockSize` bytes or so, ending after a line break; the last one ends where
    /// the input does. nil at the end of the input, or when a line is too long to cut (see `restReader`).
    private func cut() throws -> [UInt8]? {
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

    private func take(_ count: Int) -> [UInt8] {
        let block = Array(pending[0..<count])
        pending.removeFirst(count)
        return block
    }

    private func fill(to count: Int) throws {
        guard pending.count < count, !atEOF else { return }
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: count - start))
        var filled = start
        try pending.withUnsafeMutableBytes { buffer in
            while filled < count {
                let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<count]))
                if read == 0 { atEOF = true; break }
                filled += read
            }
        }
        pending.removeSubrange(filled...)
    }
}

/// What a block's reading collects (rows, or rows and their problems).
protocol BlockRows {
    init()
}

extension Array: BlockRows {}

extension String {
    /// The same text in storage of its own (a short one is stored inline anyway).
    func unshared() -> String {
        String(decoding: Array(utf8), as: UTF8.self)
    }
}

extension Finding {
    /// The finding `lines` further down its file.
    func shifted(by lines: Int) -> Finding {
        var finding = self
        finding.location.line += lines
        return finding
    }
}
