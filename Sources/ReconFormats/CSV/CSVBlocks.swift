import ReconCore

/// Reads the rest of a CSV input as blocks of whole lines — two at a time, one on each core, or
/// read ahead by two threads of their own (`prefetch`, `BlocksAhead`) — and hands back their rows
/// in file order: the same rows, findings and line numbers as one reader going through the input
/// (property tests compare them).
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
        /// Which reader read it (0 or 1): what is made of its rows is best let go of there
        /// (`Spent(_:worker:)`).
        var worker = 0
    }

    /// Reads every record of one block into rows; `worker` is 0 or 1 (each has its own parser).
    typealias ReadBlock = (_ worker: Int, _ reader: CSVReader, _ rows: inout Rows) throws -> Void

    private let makeReader: (any ByteSource, Int) -> CSVReader
    private let cutter: BlockCutter
    private let parser: BlockParser<Rows>
    /// A block (or blocks joined) whose last record may go on in the next.
    private var carry: [UInt8]?
    /// The line the next block starts on.
    private var nextLine: Int
    /// With `prefetch`: the blocks read ahead by two threads of their own.
    private var ahead: BlocksAhead<Rows>?

    /// `buffered` and `source`: the input after the header (`CSVReader.remainder()`), starting on
    /// `line`. `makeReader` makes a reader with the file's dialect over a block starting on a line.
    ///
    /// `prefetch`: blocks are read ahead by two threads of their own while the caller works
    /// through the ones before (`BlocksAhead`); without, each call reads the next two blocks, one
    /// on each core. A caller hands back what it made of the blocks before (`next(dropping:)`)
    /// for those threads to let go of: freeing memory of the reading threads while they allocate
    /// once cost four times the system time under glibc's arenas (1M rows: 2.0–2.6 s against
    /// 1.8–2.0 s).
    init(path: String, buffered: [UInt8], source: any ByteSource, line: Int, blockSize: Int = CSVBlockSize.automatic,
         maxRecordBytes: Int, prefetch: Bool = false,
         makeReader: @escaping (any ByteSource, Int) -> CSVReader, read: @escaping ReadBlock) {
        cutter = BlockCutter(buffered: buffered, source: source, blockSize: max(blockSize, 16),
                             maxRecordBytes: maxRecordBytes)
        parser = BlockParser(path: path, makeReader: makeReader, read: read)
        self.makeReader = makeReader
        nextLine = line
        if prefetch { ahead = BlocksAhead(cutter: cutter, parser: parser) }
    }

    deinit { ahead?.stop() }

    /// The next blocks' rows, in order (one or two); nil at the end (or when `restReader()` takes
    /// over). After a block with an error, reading stops: call no more. `spent`: what the caller
    /// made of the blocks before, to be let go of by the reading threads when there are any.
    func next(dropping spent: [Spent] = []) throws -> [Block]? {
        if let ahead {
            let parsed: BlockParser<Rows>.Parsed?
            do {
                parsed = try ahead.next(dropping: spent)
            } catch {
                stopReadingAhead()
                throw error
            }
            guard let parsed else {
                stopReadingAhead()  // the threads end with the input, having let go of what they were handed
                return nil
            }
            return [shifted(parsed)]
        }
        for box in spent { box.value = nil }
        return try readPair()
    }

    /// What a caller made of one block's rows, handed back to be let go of (see `init`): by the
    /// thread that read the block when `worker` says which (`Block.worker`), else by either.
    final class Spent {
        var value: Any?
        let worker: Int?

        init(_ value: Any, worker: Int? = nil) {
            self.value = value
            self.worker = worker
        }
    }

    /// The next one or two blocks, read at the same time, one on each core.
    private func readPair() throws -> [Block]? {
        while true {
            guard let first = try carry ?? cutter.cut() else { return nil }
            carry = nil
            let second = try cutter.cut()
            let (a, b) = concurrently({ self.parser.parse(first, worker: 0) },
                                      { second.map { self.parser.parse($0, worker: 1) } })
            if a.unfinished, let second {
                carry = first + second
                continue
            }
            if a.unfinished, let head = cutter.restHead {
                // Its last record goes on into the line too long to cut: the single reader starts here.
                cutter.restHead = first + head
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
        stopReadingAhead()
        return cutter.rest(makeReader, line: nextLine)
    }

    private func stopReadingAhead() {
        ahead?.stop()
        ahead = nil
    }

    /// The block's rows with its line offset; moves `nextLine` past it.
    private func shifted(_ parsed: BlockParser<Rows>.Parsed) -> Block {
        let offset = nextLine - 1
        nextLine += parsed.lines
        var error = parsed.error
        if case .invalid(let findings)? = error as? ReadError {
            error = ReadError.invalid(findings.map { $0.shifted(by: offset) })
        }
        return Block(rows: parsed.rows, lineOffset: offset, error: error, worker: parsed.worker)
    }
}

/// How large a file's blocks are, and from what size a file is read in blocks at all.
enum CSVBlockSize {
    /// 1 MiB: a block is read (the kernel's copy into it) and then cut into rows while it is still
    /// in the core's cache (1 MiB of L2 here). With 4 MiB blocks, seven alternating 1M runs each:
    /// bank CSV 0.59 → 0.54 s (peak 123 → 72 MiB), open items 0.56 → 0.53 s (186 → 124 MiB);
    /// 512 KiB did no better than 1 MiB.
    static let automatic = 1 << 20
    /// A file under 8 MiB is read by one reader: two threads would hardly start before it ends.
    static let threshold = 8 << 20
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
