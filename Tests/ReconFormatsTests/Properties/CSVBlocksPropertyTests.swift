import Testing
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// Reading a CSV file in blocks, two at a time on two cores, gives what one reader gives: the same
/// items, or the same problems at the same lines and columns — whatever the cuts, quoted fields
/// across lines, duplicates, bad rows and syntax errors.
@Suite struct CSVBlocksPropertyTests {
    /// A random open-items file: repeated ids, quoted names across lines, bad amounts and dates,
    /// blank lines, CRLF, and now and then a syntax error or an unterminated quote at the end.
    static func openItemsFile(_ random: inout SplitMix64) -> String {
        let newline = Bool.random(using: &random) ? "\r\n" : "\n"
        var text = "invoice_id,customer_id,customer_name,currency,amount,invoice_date,cash_discount" + newline
        let rows = Int.random(in: 0...60, using: &random)
        // Half the files have no bad value (they read), half some (they report).
        let clean = Bool.random(using: &random)
        for _ in 0..<rows {
            let id = "INV-\(Int.random(in: 1...(clean ? 100_000 : 40), using: &random))"
            let names = ["Acme", "\"Nord, AS\"", "\"Line\none\"", "\"Say \"\"hi\"\"\nand\r\nbye\"", "", "  Hansen  "]
            let amounts = clean ? ["100.00", "-25.50", "12"] : ["100.00", "-25.50", "12", "1.2.3", "", "0.00", "99.999"]
            let dates = clean ? ["2025-01-03", "2025-02-28"] : ["2025-01-03", "2025-13-01", "", "2025-02-28"]
            let discounts = clean ? ["", "2%/10", "3%/8 1%/14"] : ["", "2%/10", "3%/8 1%/14", "x%/1"]
            let currency = (clean ? ["NOK", "EUR"] : ["NOK", "EUR", "XXQ", ""]).randomElement(using: &random)!
            text += [id, "C\(Int.random(in: 1...5, using: &random))", names.randomElement(using: &random)!, currency,
                     amounts.randomElement(using: &random)!, dates.randomElement(using: &random)!,
                     discounts.randomElement(using: &random)!].joined(separator: ",") + newline
            if Int.random(in: 0..<20, using: &random) == 0 { text += newline }
            if !clean && Int.random(in: 0..<150, using: &random) == 0 { text += "A,B\"C,D" + newline }
        }
        if !clean && Int.random(in: 0..<15, using: &random) == 0 { text += "INV-9,C1,\"open to the end" }
        return text
    }

    enum Outcome<Value: Equatable>: Equatable {
        case read(Value)
        case failed(String)

        init(_ body: () throws -> Value) {
            do { self = .read(try body()) } catch { self = .failed("\(error)") }
        }
    }

    static func read(_ text: String, blockSize: Int?) -> Outcome<[OpenItem]> {
        var reader = OpenItemsReader()
        reader.blockSize = blockSize
        return Outcome { try reader.read(MemoryByteSource(text, path: "items.csv")) }
    }

    /// The items `read(_:each:)` hands on, gathered (`inspect --invoices` counts them and keeps none).
    static func streamed(_ text: String, blockSize: Int?) -> Outcome<[OpenItem]> {
        var reader = OpenItemsReader()
        reader.blockSize = blockSize
        return Outcome {
            var items: [OpenItem] = []
            try reader.read(MemoryByteSource(text, path: "items.csv")) { items += $0 }
            return items
        }
    }

    /// In blocks or not, kept or handed on a block at a time: the same items, or the same problems.
    @Test func openItemsInBlocksAsInOneReader() {
        var random = SplitMix64(seed: 20261122)
        var read = 0, failed = 0
        for _ in 0..<400 {
            let text = Self.openItemsFile(&random)
            let single = Self.read(text, blockSize: nil)
            #expect(Self.streamed(text, blockSize: nil) == single, "handed on:\n\(text)")
            for blockSize in [16, 40, 97, 256, 1000] {
                let blocks = Self.read(text, blockSize: blockSize)
                #expect(blocks == single, "block size \(blockSize):\n\(text)")
                if blocks != single { return }
                #expect(Self.streamed(text, blockSize: blockSize) == single, "block size \(blockSize), handed on:\n\(text)")
            }
            if case .read = single { read += 1 } else { failed += 1 }
        }
        #expect(read > 20 && failed > 20, "\(read) read, \(failed) failed")
    }

    /// Records as `line: fields`, and the error that stopped reading, by one reader.
    static func records(_ text: String, maxRecordBytes: Int) -> [String] {
        let reader = CSVReader(source: MemoryByteSource(text, path: "f.csv"))
        reader.maxRecordBytes = maxRecordBytes
        var records: [String] = []
        do {
            while try reader.next() { records.append(Self.record(reader)) }
        } catch {
            records.append("\(error)")
        }
        return records
    }

    static func record(_ reader: CSVReader, lineOffset: Int = 0) -> String {
        "\(reader.recordLine + lineOffset): " + (0..<reader.fieldCount).map { reader.string($0) ?? "?" }.joined(separator: "|")
    }

    /// The same through `CSVBlocks`, the rest left to one reader where a line is too long to cut.
    static func recordsInBlocks(_ text: String, blockSize: Int, maxRecordBytes: Int, prefetch: Bool = false) -> [String] {
        let blocks = CSVBlocks<[String]>(
            path: "f.csv", buffered: [], source: MemoryByteSource(text, path: "f.csv"), line: 1,
            blockSize: blockSize, maxRecordBytes: maxRecordBytes, prefetch: prefetch,
            makeReader: { source, line in
                let reader = CSVReader(source: source, firstLine: line)
                reader.maxRecordBytes = maxRecordBytes
                return reader
            },
            read: { _, reader, rows in
                while try reader.next() { rows.append(Self.record(reader)) }
            })
        var records: [String] = []
        do {
            while let next = try blocks.next() {
                for block in next {
                    records += block.rows.map { row in
                        let colon = row.firstIndex(of: ":")!
                        return "\(Int(row[..<colon])! + block.lineOffset)" + row[colon...]
                    }
                    if let error = block.error { throw error }
                }
            }
            if let rest = blocks.restReader() {
                while try rest.next() { records.append(Self.record(rest)) }
            }
        } catch {
            records.append("\(error)")
        }
        return records
    }

    /// `text` in blocks of 64 bytes, each read into records by `read`.
    static func smallBlocks(_ text: String, prefetch: Bool,
                            read: @escaping CSVBlocks<[String]>.ReadBlock) -> CSVBlocks<[String]> {
        CSVBlocks<[String]>(
            path: "f.csv", buffered: [], source: MemoryByteSource(text, path: "f.csv"), line: 1,
            blockSize: 64, maxRecordBytes: 1 << 20, prefetch: prefetch,
            makeReader: { source, line in CSVReader(source: source, firstLine: line) }, read: read)
    }

    /// What a caller hands back with `next(dropping:)` is let go of — by the threads that read
    /// ahead when prefetching, at once otherwise — and nothing of it is kept.
    @Test(arguments: [false, true])
    func spentRowsAreLetGoOfByTheReadingThreads(prefetch: Bool) {
        /// For each tracker gone, whether it went on the thread that made it.
        final class Log: Sendable {
            let onMaker = Mutex<[Bool]>([])
        }
        final class Tracker: @unchecked Sendable {
            let maker = pthread_self()
            let log: Log
            init(_ log: Log) { self.log = log }
            deinit {
                let onMaker = pthread_equal(pthread_self(), maker) != 0
                log.onMaker.withLock { $0.append(onMaker) }
            }
        }
        let released = Log()
        let text = (1...400).map { "\($0),row \($0)\n" }.joined()
        let blocks = Self.smallBlocks(text, prefetch: prefetch) { _, reader, rows in
            while try reader.next() { rows.append(Self.record(reader)) }
        }
        var handedBack = 0, records = 0, lastPair = 0
        var spent: [CSVBlocks<[String]>.Spent] = []
        while let next = try? blocks.next(dropping: spent) {
            records += next.reduce(0) { $0 + $1.rows.count }
            spent = next.map { _ in CSVBlocks<[String]>.Spent(Tracker(released)) }
            handedBack += spent.count
            lastPair = spent.count
        }
        spent = []
        #expect(records == 400 && handedBack > 20)
        let onMaker = released.onMaker.withLock { $0 }
        #expect(onMaker.count == handedBack, "every one let go of")
        // Reading ahead, the reading threads let go of them (all but the last call's at least:
        // they end with the input, and may have taken those first); else the caller, at once.
        let letGoOfOnMaker = onMaker.filter { $0 }.count
        #expect(prefetch ? letGoOfOnMaker <= lastPair : letGoOfOnMaker == handedBack, "\(onMaker)")
    }

    /// Handed back with the block's worker, what was made of a block is let go of by the thread
    /// that read it (where its memory was allocated), never by the other.
    @Test func spentRowsGoBackToTheThreadThatReadTheirBlock() {
        final class Log: Sendable {
            /// The thread of each worker, as it read a block.
            let readers = Mutex<[Int: pthread_t]>([:])
            /// For each tracker gone: its block's worker, and the thread that let go of it.
            let released = Mutex<[(worker: Int, thread: pthread_t)]>([])
        }
        final class Tracker: @unchecked Sendable {
            let worker: Int
            let log: Log
            init(_ worker: Int, _ log: Log) {
                self.worker = worker
                self.log = log
            }
            deinit {
                let entry = (worker: worker, thread: pthread_self())
                log.released.withLock { $0.append(entry) }
            }
        }
        let log = Log()
        let text = (1...2000).map { "\($0),row \($0)\n" }.joined()
        let blocks = Self.smallBlocks(text, prefetch: true) { worker, reader, rows in
            log.readers.withLock { $0[worker] = pthread_self() }
            while try reader.next() { rows.append(Self.record(reader)) }
        }
        var handedBack = 0
        var spent: [CSVBlocks<[String]>.Spent] = []
        while let next = try? blocks.next(dropping: spent) {
            spent = next.map { CSVBlocks<[String]>.Spent(Tracker($0.worker, log), worker: $0.worker) }
            handedBack += spent.count
        }
        spent = []
        let readers = log.readers.withLock { $0 }
        let released = log.released.withLock { $0 }
        #expect(readers.count == 2, "both threads read blocks")
        #expect(released.count == handedBack && handedBack > 100)
        let onItsReader = released.filter { entry in readers[entry.worker].map { pthread_equal($0, entry.thread) != 0 } ?? false }
        #expect(onItsReader.count == released.count, "\(released.count - onItsReader.count) let go of elsewhere")
        #expect(Set(released.map(\.worker)) == [0, 1])
    }

    /// Records of many small blocks read with the next pair prefetched, as one reader gives them.
    @Test func prefetchedBlocksAsInOneReader() {
        var random = SplitMix64(seed: 2211)
        for _ in 0..<200 {
            let text = Self.openItemsFile(&random)
            for blockSize in [16, 97] {
                #expect(Self.recordsInBlocks(text, blockSize: blockSize, maxRecordBytes: 1 << 20, prefetch: true)
                        == Self.records(text, maxRecordBytes: 1 << 20), "block size \(blockSize):\n\(text)")
            }
        }
    }

    /// A quoted field whose line breaks span more blocks than are read ahead at once: the block
    /// it starts in is joined with one block after another (each joined block makes room for
    /// the next to be cut, or the reading would wait on itself).
    @Test(.timeLimit(.minutes(1))) func aQuotedFieldAcrossManyBlocksIsReadWhole() {
        let quoted = (1...60).map { "line \($0)" }.joined(separator: "\n")
        for text in ["a,b\nc,\"\(quoted)\"\nd,e\n", "\"\(quoted)\",x\n\(quoted.split(separator: "\n").joined(separator: ","))\n",
                     "a\n\"\(quoted)"] {
            for prefetch in [false, true] {
                for blockSize in [16, 40] {
                    #expect(Self.recordsInBlocks(text, blockSize: blockSize, maxRecordBytes: 1 << 20, prefetch: prefetch)
                            == Self.records(text, maxRecordBytes: 1 << 20), "\(prefetch) \(blockSize): \(text)")
                }
            }
        }
    }

    @Test func aLineTooLongToCutIsLeftToOneReader() {
        let long = String(repeating: "x", count: 300)
        for text in ["a,b\nc,\"d\ne\"\n\(long)\nf,g\n", "a,b\n\"c\n\(long)\"\nd\n", "a\n\(long)", "a,b\nc,d\n"] {
            for maxRecordBytes in [8, 400] {
                for prefetch in [false, true] {
                    #expect(Self.recordsInBlocks(text, blockSize: 16, maxRecordBytes: maxRecordBytes, prefetch: prefetch)
                            == Self.records(text, maxRecordBytes: maxRecordBytes), "\(text) \(maxRecordBytes) \(prefetch)")
                }
            }
        }
        #expect(Self.recordsInBlocks("a,b\n\(long)\nc\n", blockSize: 16, maxRecordBytes: 400).count == 3)
    }

    struct BankRead: Equatable {
        var statements: [StatementInfo]
        var entries: [BankEntry]
        var warnings: [Finding]
    }

    /// Reads a bank CSV under `profile`, in blocks of `blockSize` (nil: one reader).
    /// `keepsEntryIds` false: the ids of rows read in blocks stay their parts (as `inspect` has them).
    static func readBank(_ text: String, _ profile: BankProfile, blockSize: Int?, keepsEntryIds: Bool = true)
        -> Outcome<BankRead> {
        Outcome {
            let reader = try ProfileCSVReader(source: MemoryByteSource(text, path: "bank.csv"), profile: profile,
                                              blockSize: blockSize)
            reader.keepsEntryIds = keepsEntryIds
            let result = try drain(reader)
            return BankRead(statements: result.statements, entries: result.entries, warnings: result.warnings)
        }
    }

    /// A random file of the benchmark's Norwegian layout (`;`, decimal comma, KID, accounts made
    /// IBANs): repeated archive references (identities `~2`), texts in quotes across lines, bad
    /// dates and amounts, blank lines, and a syntax error or an unterminated quote now and then.
    static func norwegianFile(_ random: inout SplitMix64) -> String {
        let newline = Bool.random(using: &random) ? "\r\n" : "\n"
        var text = "Bokført dato;Rentedato;Kontonummer;Valuta;Forklaring;Betaler;Fra konto;KID;Melding;Ut fra konto;"
            + "Inn på konto;Arkivreferanse;Ende-til-ende-ID" + newline
        let clean = Bool.random(using: &random)
        for _ in 0..<Int.random(in: 0...50, using: &random) {
            let dates = clean ? ["02.01.2025", "15.03.2025"] : ["02.01.2025", "31.02.2025", "", "15.03.2025"]
            let texts = ["\"Overføring\"", "\"Faktura\n10004\"", "\"Sa \"\"hei\"\"\r\nog\nha det\"", "Vipps", ""]
            let amounts = clean ? ["142,81", "4452,00", "1 234,56"] : ["142,81", "4452,00", "1 234,56", "12,3,4", ""]
            let incoming = Bool.random(using: &random)
            let amount = amounts.randomElement(using: &random)!
            text += [dates.randomElement(using: &random)!, "02.01.2025", ["1503.61.23469", "1503.61.23450"].randomElement(using: &random)!,
                     (clean ? ["NOK", "EUR"] : ["NOK", "EUR", "QQQ"]).randomElement(using: &random)!, texts.randomElement(using: &random)!,
                     "\"Kari Hansen\"", "9316.26.35520", ["", "1000002000000058"].randomElement(using: &random)!,
                     texts.randomElement(using: &random)!, incoming ? "" : amount, incoming ? amount : "",
                     "2025010200000000\(Int.random(in: 1...30, using: &random))", "NOTPROVIDED"].joined(separator: ";") + newline
            if Int.random(in: 0..<20, using: &random) == 0 { text += newline }
            if !clean && Int.random(in: 0..<150, using: &random) == 0 { text += "02.01.2025;x\"y;" + newline }
        }
        if !clean && Int.random(in: 0..<15, using: &random) == 0 { text += "02.01.2025;02.01.2025;1503.61.23469;NOK;\"open to the end" }
        return text
    }

    @Test func bankCSVInBlocksAsInOneReader() throws {
        let profile = try ProfileCatalog.profile("no-bank-kid")
        var random = SplitMix64(seed: 112026)
        var read = 0, failed = 0, repeats = 0
        for _ in 0..<300 {
            let text = Self.norwegianFile(&random)
            let single = Self.readBank(text, profile, blockSize: nil)
            if case .read(let result) = single {
                read += 1
                repeats += result.entries.filter { $0.transactions[0].entryId.contains("~") }.count
            } else {
                failed += 1
            }
            for blockSize in [16, 60, 150, 700] {
                let blocks = Self.readBank(text, profile, blockSize: blockSize)
                #expect(blocks == single, "block size \(blockSize):\n\(text)")
                if blocks != single { return }
                // Ids kept as their parts read as the same ids, repeats (`~2`) and all.
                let parts = Self.readBank(text, profile, blockSize: blockSize, keepsEntryIds: false)
                #expect(parts == single, "block size \(blockSize), ids as parts:\n\(text)")
                if case .read(let byParts) = parts, case .read(let bySingle) = single {
                    #expect(byParts.entries.map { $0.transactions[0].entryId } == bySingle.entries.map { $0.transactions[0].entryId })
                }
            }
        }
        // Both kinds of file, and repeated ids, were among them.
        #expect(read > 20 && failed > 20 && repeats > 0, "\(read) read, \(failed) failed, \(repeats) repeats")
    }
}
