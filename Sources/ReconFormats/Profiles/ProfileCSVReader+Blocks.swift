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
                // Room for about as many entries as this core's last block had: grown by doubling,
                // the array moved each entry twice or so (~170 instructions a row).
                rows.entries.reserveCapacity(parser.lastBlockEntries + parser.lastBlockEntries / 8)
                rows.idHashes.reserveCapacity(parser.lastBlockEntries + parser.lastBlockEntries / 8)
                defer {
                    parser.lastBlockEntries = rows.entries.count
                    // Last first, so that the caller takes each off the end (`nextEntryOfBlocks`).
                    rows.entries.withUnsafeMutableBufferPointer { $0.reverse() }
                }
                while try reader.next() {
                    do {
                        if case .entry(let entry) = try parser.readRow() {
                            rows.idHashes.append(parser.lastIdHash)
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
    /// instructions; the 1M CSV reconcile's read phase 4.15–5.63 s → 3.73–5.05 s, four pairs).
    /// A block's reader leaves its entries last first, and each is taken off the end (swapping in a
    /// placeholder cost a copy of it, ~160 instructions an entry); it is moved down its file here,
    /// as it is handed on, rather than in a pass over the block before. The emptied blocks are
    /// still handed back to the reading threads to be freed (`CSVBlocks.next(dropping:)`).
    func nextEntryOfBlocks() throws -> BankEntry? {
        while true {
            while readyPosition.block < ready.count {
                let (block, position) = readyPosition
                if position < readyHashes[block].count {
                    readyPosition.entry += 1
                    if position % Self.lookAhead == 0 {
                        readyHashes[block].withUnsafeBufferPointer { all in
                            identity.lookAhead(UnsafeBufferPointer(rebasing: all[position..<min(position + Self.lookAhead, all.count)]))
                        }
                    }
                    var entry = ready[block].removeLast()
                    let offset = readyOffsets[block]
                    if offset != 0 {
                        entry.origin.line += offset
                        for transaction in entry.transactions.indices { entry.transactions[transaction].shiftOrigin(by: offset) }
                    }
                    identity.assignKeepingBase(&entry.transactions[0], hash: readyHashes[block][position])
                    if keepsEntryIds { entry.transactions[0].keepEntryId() }
                    return consume entry
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
            readyOffsets = []
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
                var entries: [BankEntry] = []
                swap(&entries, &next[index].rows.entries)
                ready.append(entries)
                readyHashes.append(next[index].rows.idHashes)
                readyOffsets.append(next[index].lineOffset)
            }
            blockError = next.last?.error
        }
    }

    /// How many entries' ids are looked up ahead in one go (`EntryIdentity.lookAhead`).
    private static let lookAhead = 64
}
