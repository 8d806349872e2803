import ReconCore

/// Reads a bank's CSV export as its profile describes it: encoding, delimiter, preamble, header or
/// column indexes, dates, amounts and their sign, rows to skip. Every row's problems are collected;
/// they are thrown together at the end, each as `FILE:LINE:COLUMN: column: message`.
public final class ProfileCSVReader: RecordByRecordReader {
    public let profile: BankProfile
    public let format: String?
    public internal(set) var warnings: [Finding] = []
    /// Whether each entry id that a block's reader kept as its parts (account, bank reference,
    /// index: `BankTransaction(entryIdIndex:…)`) is made a string as its entry is handed out —
    /// for a caller that keeps the transactions and reads their ids again and again (a run). Off,
    /// they stay parts, made strings only if read (`inspect`, which reads each once at most: a
    /// 35-byte string a row, made on a reading core and freed on the caller's, was ~4 % of a
    /// bank CSV parse's instructions).
    public var keepsEntryIds = true
    var reader: CSVReader
    /// Field to column index (several for `text`).
    var indexes: [BankProfile.Field: [Int]] = [:]
    /// `indexes` by `Field.ordinal`, for the per-row path.
    var columns: [[Int]] = Array(repeating: [], count: BankProfile.Field.allCases.count)
    /// Header names by index, for messages.
    var names: [Int: String] = [:]
    /// Where the columns of rules, extractions and the SEPA-keyword column are.
    var ruleIndexes: [BankProfile.Column: Int] = [:]
    var headerFieldCount = 0
    var identity = EntryIdentity()
    var findings: [Finding] = []
    let rules: CompiledRules
    /// The profile's country, resolved once, for account numbers printed without the IBAN.
    let nationalAccounts: NationalAccounts?
    private var queue: [BankRecord] = []
    private var started = false
    /// A row waiting for possible continuation rows (`[rows] continuation = true`).
    var held: BankEntry?
    /// The last account read and normalized, by its raw bytes: a statement's own account column
    /// repeats one account on most rows, and making an IBAN of it cost ~650 instructions a row.
    var lastAccount = FieldMemo<String>()
    /// The descriptive texts of the row being read, as bytes (`readRow`).
    let rowTexts = TextBytes()
    /// The hash of the last entry's id (`EntryIdentity.hash(of:)`), made by `readRow` for a
    /// block's reader, which does not assign identities itself.
    var lastIdHash: UInt64 = 0
    /// The last currency code read, by its bytes.
    var lastCurrency = FieldMemo<Currency>()
    /// The last booking and value dates read: rows of one day come together, and each of a row's
    /// two dates cost ~700 instructions to parse.
    var lastDates = (booking: FieldMemo<CalendarDate>(), value: FieldMemo<CalendarDate>())
    /// Whether `readRow` gives each entry its identity (not in a block's reader: identities depend
    /// on the entries before, so they are given in file order, as the blocks' rows are handed on).
    var assignsIdentity = true
    /// The rest of the file in blocks read ahead on two threads (see `CSVBlocks`); nil: one reader.
    var blocks: CSVBlocks<BlockRows>?
    /// Entries of the blocks read, by block, and the next to hand on (moved out: the blocks go
    /// back to `blocks` to be freed, see `nextEntryOfBlocks`); the hashes of their ids by block.
    var ready: [[BankEntry]] = []
    var readyHashes: [[UInt64]] = []
    /// How many lines above its place in the file each ready block was read.
    var readyOffsets: [Int] = []
    /// How many entries this reader's last block had (a block's reader reserves room for as many).
    var lastBlockEntries = 0
    var readyPosition = (block: 0, entry: 0)
    /// A CSV syntax error after the ready entries.
    var blockError: (any Error)?

    /// What a block's reader collects: entries, and the problems of its rows (thrown only at the
    /// end, with those of the other rows, so they need no place among the entries).
    struct BlockRows: ReconFormats.BlockRows {
        var entries: [BankEntry] = []
        /// The hash of each entry's id (`EntryIdentity.hash(of:)`), made on the block's core.
        var idHashes: [UInt64] = []
        var findings: [Finding] = []
    }

    /// The first 64 KiB are read ahead to settle the encoding (a UTF-8 file under a Latin-1 profile
    /// is read as UTF-8) and the delimiter.
    ///
    /// A file of `size` 8 MiB or more is read in blocks of 1 MiB on both cores (`CSVBlockSize`), unless its
    /// rows continue each other; `blockSize` sets the blocks' size whatever the size (for tests).
    /// The result is the same.
    public init(source: any ByteSource, profile: BankProfile, size: Int? = nil, blockSize: Int? = nil) throws {
        self.profile = profile
        format = "csv:" + profile.name
        var head = [UInt8](repeating: 0, count: 64 * 1024)
        var filled = 0
        while filled < head.count {
            let count = try head.withUnsafeMutableBytes { buffer in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        head.removeSubrange(filled...)
        let encoding = TextEncoding.effective(declared: profile.encoding, head: head)
        if profile.encoding.isUTF8 && !encoding.isUTF8 {
            warnings.append(Finding(SourceLocation(file: source.path, line: 1),
                                    "not UTF-8 as profile \(profile.name) says: read as Windows-1252"))
        }
        let replay = PrefixedByteSource(head: head, rest: source)
        let input: any ByteSource = encoding.isUTF8 ? replay : TranscodingByteSource(source: replay, encoding: encoding)
        reader = CSVReader(source: input, delimiter: profile.delimiters[0], quote: profile.quote ?? 0)
        reader.lenientQuotes = profile.lenientQuotes
        reader.escape = profile.escape ?? 0
        rules = try CompiledRules(profile)
        nationalAccounts = profile.ibanCountry.flatMap(NationalAccounts.init(country:))
        try reader.skipByteOrderMark()
        try reader.skipLines(profile.skipLines)
        if profile.delimiters.count > 1 {
            reader.delimiter = CSVDialect.detectDelimiter(headerLine: try reader.peekFirstLine(),
                                                          candidates: profile.delimiters)
        }
        if profile.hasHeader {
            try readHeader()
        } else {
            for (field, columns) in profile.columns {
                indexes[field] = columns.compactMap { $0.index.map { $0 - 1 } }
            }
            for column in rules.columns + (profile.sepaKeywordColumn.map { [$0] } ?? []) {
                if let index = column.index { ruleIndexes[column] = index - 1 }
            }
        }
        columns = BankProfile.Field.allCases.map { indexes[$0] ?? [] }
        if !profile.continuationRows && (blockSize != nil || (size ?? 0) >= CSVBlockSize.threshold) {
            try startBlocks(blockSize: blockSize ?? CSVBlockSize.automatic)
            // Room for the file's ids made once: rehashed as it doubled, the set was written
            // again at random, a cache miss an id.
            identity.reserve(BankFile.expectedEntries(BankFile.occurrences(of: [0x0A], in: head),
                                                      head: head.count, size: size))
        }
    }

    /// A reader for one core's blocks: this one's columns and rules, its own compiled expressions.
    ///
    /// Its profile and columns are copies with storage of their own: the two cores' readers count
    /// references to the same arrays and strings on every row otherwise, and that traffic between
    /// the cores cost more than a third of the time.
    init(worker main: ProfileCSVReader) throws {
        profile = main.profile.unshared()
        format = main.format
        reader = main.reader
        indexes = main.indexes
        columns = main.columns.map { $0.map { $0 } }
        names = main.names
        ruleIndexes = main.ruleIndexes
        headerFieldCount = main.headerFieldCount
        rules = try CompiledRules(main.profile)
        nationalAccounts = main.nationalAccounts
        assignsIdentity = false
    }

    /// Finds the header among the first lines (preambles vary), then where each column is.
    private func readHeader() throws {
        let required = Set(profile.requiredHeaderNames)
        var searched = 0
        while searched < profile.headerSearchLines, try reader.next() {
            searched += 1
            let fields = (0..<reader.fieldCount).map { Self.headerName(reader.string($0) ?? "") }
            guard required.isSubset(of: fields) else { continue }
            for (index, name) in fields.enumerated() { names[index] = name }
            headerFieldCount = fields.count
            try resolveColumns(fields)
            return
        }
        throw ReadError.invalid(SourceLocation(file: reader.path, line: 1),
                                "no header row with the columns of profile \(profile.name) (\(profile.requiredHeaderNames.joined(separator: ", "))) in the first \(profile.headerSearchLines) lines")
    }

    /// A header as profiles name it: no byte order mark, white space collapsed, lower case.
    /// ASCII headers take a byte loop: `lowercased()` cost ~4,500 instructions a name, and
    /// detection reads the header once for every built-in profile (31 × the file's columns).
    static func headerName(_ text: String) -> String {
        let ascii: String? = text.withUTF8Bytes { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0, pendingSpace = false
                for byte in bytes {
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                    count += 1
                }
                return count
            }
        }
        return ascii ?? text.trimmingCharacters(in: "\u{FEFF}").collapsingWhitespace().lowercased()
    }

    private func resolveColumns(_ fields: [String]) throws {
        var used = Set<Int>()
        for (field, columns) in profile.columns {
            indexes[field] = columns.compactMap { column in
                guard let index = Self.index(of: column, in: fields) else { return nil }
                used.insert(index)
                return index
            }
        }
        for column in rules.columns + (profile.sepaKeywordColumn.map { [$0] } ?? []) {
            if let index = Self.index(of: column, in: fields) {
                used.insert(index)
                ruleIndexes[column] = index
            }
        }
        if profile.isStrict {
            for (index, name) in fields.enumerated() where !used.contains(index) && !name.isEmpty {
                warnings.append(Finding(reader.recordLocation, "unknown column '\(name)' (column \(index + 1)) ignored"))
            }
        }
    }

    /// The index of a column in a header: by name (the n-th, or the last, of equal names) or position.
    static func index(of column: BankProfile.Column, in fields: [String]) -> Int? {
        if let index = column.index { return index - 1 }
        guard let name = column.name?.lowercased() else { return nil }
        let matches = fields.indices.filter { fields[$0] == name }
        if column.occurrence == -1 { return matches.last }
        return column.occurrence <= matches.count ? matches[column.occurrence - 1] : nil
    }

    public func next() throws -> BankRecord? {
        if !queue.isEmpty { return queue.removeFirst() }
        if !started {
            started = true
            let first = try nextEntry()
            let transaction = first?.transactions.first
            let info = StatementInfo(format: format!, id: "", account: transaction?.account ?? "",
                                     currency: transaction?.amount.currency ?? profile.currency, balances: [],
                                     date: nil, origin: SourceLocation(file: reader.path, line: 1))
            if let first { queue.append(.entry(first)) }
            return .statement(info)
        }
        if let entry = try nextEntry() { return .entry(entry) }
        return nil
    }

    /// The next entry, continuation rows folded in; throws the collected problems at the end.
    func nextEntry() throws -> BankEntry? {
        if blocks != nil { return try nextEntryOfBlocks() }
        while try reader.next() {
            do {
                guard let row = try readRow() else { continue }
                switch row {
                case .entry(let entry):
                    if profile.continuationRows {
                        let previous = held
                        held = entry
                        if let previous { return finalize(previous) }
                    } else {
                        return entry
                    }
                case .continuation(let text):
                    if held != nil {
                        held!.transactions[0].text = (held!.transactions[0].text + " " + text).collapsingWhitespace()
                    } else {
                        findings.append(Finding(reader.recordLocation, "a row without date and amount before any transaction"))
                    }
                }
            } catch ReadError.invalid(let found) {
                findings += found
            }
        }
        if let last = held {
            held = nil
            return finalize(last)
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
        return nil
    }
}

/// The regular expressions of a profile, compiled once.
struct CompiledRules {
    var skip: [(BankProfile.Column, Regex<AnyRegexOutput>)] = []
    var pending: [(BankProfile.Column, Regex<AnyRegexOutput>)] = []
    var info: [(BankProfile.Column, Regex<AnyRegexOutput>)] = []
    var extractions: [(BankProfile.Field, BankProfile.Column, Regex<AnyRegexOutput>)] = []
    /// The fields an extraction may set, by ordinal (asked three times a row: searching the
    /// extractions each time cost ~40 instructions a question).
    private var extracted: [Bool] = Array(repeating: false, count: BankProfile.Field.allCases.count)

    /// Whether an extraction may set `field`.
    func extracts(_ field: BankProfile.Field) -> Bool { extracted[field.ordinal] }

    init(_ profile: BankProfile) throws {
        func compile(_ rules: [BankProfile.RowRule]) throws -> [(BankProfile.Column, Regex<AnyRegexOutput>)] {
            try rules.map { ($0.column, try Regex($0.pattern)) }
        }
        skip = try compile(profile.skipRows)
        pending = try compile(profile.pendingRows)
        info = try compile(profile.infoRows)
        extractions = try profile.extractions.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            ($0.key, $0.value.column, try Regex($0.value.pattern))
        }
        for (field, _, _) in extractions { extracted[field.ordinal] = true }
    }

    var columns: [BankProfile.Column] {
        (skip + pending + info).map(\.0) + extractions.map(\.1)
    }
}
