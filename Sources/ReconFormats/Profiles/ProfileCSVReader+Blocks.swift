import ReconCore

/// A large file read in blocks on both cores (see `CSVBlocks`): each core has a reader of its own
/// (`init(worker:)`), and the entries are handed on in file order, given their identities here.
extension ProfileCSVReader {
    func startBlocks(blockSize: Int) throws {
        let workers = [try ProfileCSVReader(worker: self), try ProfileCSVReader(worker: self)]
        let (buffered, source) = reader.remainder()
        let delimiter = reader.delimiter, quote = reader.quote, escape = reader.escape
        let lenient = reader.lenientQuotes, maxRecordBytes = reader.maxRecordBytes
        blocks = CSVBlocks<BlockRows>(
            path: reader.path, buffered: buffered, source: source, line: reader.currentLine,
            blockSize: blockSize, maxRecordBytes: maxRecordBytes, prefetch: true,
            makeReader: { source, line in
                let reader = CSVReader(source: source, delimiter: delimiter, quote: quote, firstLine: line)
                reader.escape = escape
                reader.lenientQuotes = lenient
                reader.maxRecordBytes = maxRecordBytes
                return reader
            },
            read: { worker, reader, rows in
                let parser = workers[worker]
                parser.reader = reader
                while try reader.next() {
                    do {
                        if case .entry(let entry) = try parser.readRow() {
                            rows.idHashes.append(EntryIdentity.hash(of: entry.transactions[0].entryId))
                            rows.entries.append(entry)
                        }
                    } catch ReadError.invalid(let found) {
                        rows.findings += found
                    }
                }
            })
    }

    /// The next entry of the blocks, in file order, with its identity; findings are collected as
    /// their rows come. nil at the end (findings then thrown), or once one reader takes over.
    ///
    /// The next blocks are read ahead on the other threads while the caller goes through these
    /// (`CSVBlocks(prefetch:)`). An entry is moved out of its block, not copied: a copy counted
    /// ten references to strings another core had made (and the block's own were let go of there
    /// later). With mimalloc, memory freed on another thread than it was made on is cheap; the
    /// caller frees what it drops (1M `inspect`: peak 180–198 → 150–154 MiB; 100k −0.5 %
    /// instructions; the 1M CSV reconcile's read phase 4.15–5.63 s → 3.73–5.05 s, four pairs). The
    /// blocks, left with placeholders, are still handed back to the reading threads to be freed
    /// (`CSVBlocks.next(dropping:)`).
    func nextEntryOfBlocks() throws -> BankEntry? {
        while true {
            while readyPosition.block < ready.count {
                let (block, position) = readyPosition
                if position < ready[block].count {
                    readyPosition.entry += 1
                    if position % Self.lookAhead == 0 {
                        readyHashes[block].withUnsafeBufferPointer { all in
                            identity.lookAhead(UnsafeBufferPointer(rebasing: all[position..<min(position + Self.lookAhead, all.count)]))
                        }
                    }
                    var entry = Self.handedOn
                    swap(&entry, &ready[block][position])
                    identity.assignKeepingBase(&entry.transactions[0], hash: readyHashes[block][position])
                    return entry
                }
                readyPosition = (block + 1, 0)
            }
            if let error = blockError {
                blockError = nil
                throw error
            }
            let spent = ready.map { CSVBlocks<BlockRows>.Spent($0) }
            ready = []
            readyHashes = []
            guard var next = try blocks!.next(dropping: spent) else {
                if let rest = blocks!.restReader() {
                    reader = rest
                    blocks = nil
                    return try nextEntry()
                }
                blocks = nil
                if !findings.isEmpty { throw ReadError.invalid(findings) }
                return nil
            }
            readyPosition = (0, 0)
            for block in next { findings += block.rows.findings.map { $0.shifted(by: block.lineOffset) } }
            for index in next.indices {
                let offset = next[index].lineOffset
                var entries: [BankEntry] = []
                swap(&entries, &next[index].rows.entries)
                if offset != 0 {
                    for entry in entries.indices {
                        entries[entry].origin.line += offset
                        for transaction in entries[entry].transactions.indices {
                            entries[entry].transactions[transaction].shiftOrigin(by: offset)
                        }
                    }
                }
                ready.append(entries)
                readyHashes.append(next[index].rows.idHashes)
            }
            blockError = next.last?.error
        }
    }

    /// What is left in a block in place of an entry handed on: nothing to count or free.
    private static let handedOn = BankEntry(amount: .zero(.EUR), bookingDate: CalendarDate(dayNumber: 0), valueDate: nil,
                                            status: .booked, isReversal: false, bankRef: nil, transactions: [],
                                            origin: SourceLocation(file: "", line: 0))

    /// How many entries' ids are looked up ahead in one go (`EntryIdentity.lookAhead`).
    private static let lookAhead = 64
}
