import ReconCore

/// Reads the open-items CSV (`--invoices`): invoices, credit notes and customer credits.
///
/// UTF-8 with an optional BOM, `,` or `;` detected from the header, RFC 4180 quoting, header names
/// case-insensitive and in any order. Every problem in the file is reported, each with its line and
/// column; unknown columns are warnings.
public struct OpenItemsReader {
    public static let requiredColumns = ["invoice_id", "customer_id", "currency", "amount", "invoice_date"]
    public static let knownColumns: Set<String> = [
        "invoice_id", "customer_id", "customer_name", "type", "currency", "amount", "open_amount",
        "invoice_date", "due_date", "cash_discount", "discount_taken", "reference", "customer_iban",
    ]

    public private(set) var warnings: [Finding] = []
    /// The size of the blocks read ahead on two threads; nil: `CSVBlockSize.automatic`, and a
    /// file under `CSVBlockSize.threshold` is read by one reader. The result is the same either way.
    public var blockSize: Int?

    public init() {}

    public mutating func read(_ source: any ByteSource) throws -> [OpenItem] {
        try readBook(source, each: nil).items
    }

    /// Reads the file and hands its items to `each` a block at a time, in file order, keeping none:
    /// for a caller that only counts them (`inspect --invoices`), memory stays flat. Every check is
    /// made as by `read(_:)`; its problems are thrown at the end, after `each` has seen the items
    /// that had none.
    public mutating func read(_ source: any ByteSource, each: ([OpenItem]) -> Void) throws {
        try withoutActuallyEscaping(each) { each in _ = try readBook(source, each: each) }
    }

    private mutating func readBook(_ source: any ByteSource, each: (([OpenItem]) -> Void)?) throws -> Book {
        let reader = CSVReader(source: source)
        try reader.skipByteOrderMark()
        reader.delimiter = CSVDialect.detectDelimiter(headerLine: try reader.peekFirstLine())
        guard try reader.next() else {
            throw ReadError.invalid(SourceLocation(file: source.path, line: 1), "empty file: expected a header row")
        }
        let header = try CSVHeader(reader: reader)
        warnings += try header.validate(required: Self.requiredColumns, known: Self.knownColumns,
                                        location: reader.recordLocation)
        let size = (source as? FileByteSource)?.size ?? 0
        var book = Book(path: reader.path, keepsItems: each == nil)
        let columns = Columns(header)
        if blockSize != nil || size >= CSVBlockSize.threshold {
            try readInBlocks(reader, header, columns, &book, expected: size / 100, each)
        } else {
            book.reserve(size / 100)
            try readAll(reader, header, columns, &book, each)
        }
        if !book.findings.isEmpty { throw ReadError.invalid(book.findings) }
        return book
    }

    /// The records of `reader`, by one reader, into the book a few thousand at a time.
    private func readAll(_ reader: CSVReader, _ header: CSVHeader, _ columns: Columns, _ book: inout Book,
                         _ each: (([OpenItem]) -> Void)?) throws {
        var memos = Memos()
        var rows = Rows()
        var fields = FieldReader(reader: reader, header: header)
        while try reader.next() {
            Self.read(&fields, columns, &memos, into: &rows)
            if rows.marks.count == 4096 {
                guard book.add(&rows, lineOffset: 0) else { return }
                book.handOn(to: each)
                rows = Rows()
            }
        }
        _ = book.add(&rows, lineOffset: 0)
        book.handOn(to: each)
    }

    /// The rest of the file in blocks read ahead on two threads (see `CSVBlocks`).
    private func readInBlocks(_ reader: CSVReader, _ header: CSVHeader, _ columns: Columns, _ book: inout Book,
                              expected: Int, _ each: (([OpenItem]) -> Void)?) throws {
        let (buffered, source) = reader.remainder()
        let workers = [Worker(header), Worker(header)]
        let delimiter = reader.delimiter, maxRecordBytes = reader.maxRecordBytes
        let blocks = CSVBlocks<Rows>(
            path: reader.path, buffered: buffered, source: source, line: reader.currentLine,
            blockSize: blockSize ?? CSVBlockSize.automatic, maxRecordBytes: maxRecordBytes, prefetch: true,
            makeReader: { source, line in
                let reader = CSVReader(source: source, delimiter: delimiter, firstLine: line)
                reader.maxRecordBytes = maxRecordBytes
                return reader
            },
            read: { worker, reader, rows in
                let state = workers[worker]
                // The memos taken out for the block: reached through the box, each row counted
                // a reference to it.
                var memos = Memos()
                swap(&memos, &state.memos)
                defer { swap(&memos, &state.memos) }
                memos.tiers.renew()
                // Room for about as many rows as this core's last block had: grown by doubling,
                // the arrays moved every item and mark twice or so (~200 instructions a row).
                let expected = memos.lastBlockRows * 9 / 8
                rows.items.reserveCapacity(expected)
                rows.marks.reserveCapacity(expected)
                defer { memos.lastBlockRows = rows.marks.count }
                var fields = FieldReader(reader: reader, header: state.header)
                while try reader.next() { Self.read(&fields, columns, &memos, into: &rows) }
            })
        // Room made once the reading cores have started: made before, its table (16 MiB zeroed
        // for a 1M file, page by page) held them back for the first ~10 ms.
        book.reserve(expected)
        // The items handed to `each` go back to the reading cores to be let go of there, where
        // they were made (`CSVBlocks.next(dropping:)`).
        var spent: [CSVBlocks<Rows>.Spent] = []
        while var next = try blocks.next(dropping: spent) {
            spent = []
            for index in next.indices {
                guard book.add(&next[index].rows, lineOffset: next[index].lineOffset) else { return }
                if let handed = book.handOn(to: each) {
                    spent.append(CSVBlocks<Rows>.Spent(handed, worker: next[index].worker))
                }
                if let error = next[index].error { throw error }
            }
        }
        if let rest = blocks.restReader() { try readAll(rest, header, columns, &book, each) }
    }

    /// What one reader remembers from row to row: discount terms, the recent dates of each date
    /// column (`FieldCache`), and how many rows its last block had.
    private struct Memos {
        var tiers = DiscountTierCache()
        var invoiceDate = FieldCache<CalendarDate>()
        var dueDate = FieldCache<CalendarDate>()
        var lastBlockRows = 0
        /// The name, reference and IBAN of the item being read, as bytes.
        let texts = TextBytes()
    }

    /// What one reading core keeps from block to block. The header is a copy of its own: each row
    /// counts references to the header's storage, and two cores counting on one object took turns
    /// at its cache line.
    private final class Worker {
        var memos = Memos()
        let header: CSVHeader

        init(_ header: CSVHeader) { self.header = header.unshared() }
    }

    /// Rows as read: the items, and for every row its invoice id (for the duplicate check, which
    /// must see the rows in file order) and its problems.
    private struct Rows: BlockRows {
        var items: [OpenItem] = []
        var marks: [Mark] = []

        struct Mark {
            var id: String?
            /// `IdTable.hash` of `id`, made on the block's core.
            var idHash: UInt32?
            var line: Int
            /// Where the id is (an earlier field may span lines).
            var idLine: Int, idColumn: Int?
            /// nil: the row is the next of `items`.
            var problems: [Finding]?
        }
    }

    /// The items so far, and the problems.
    private struct Book {
        let path: String
        var items: [OpenItem] = []
        var findings: [Finding] = []
        /// Each id seen, numbered in the order first seen (its hash made on the block's core), and
        /// the line of its first row. A `[String: Int]` hashed each id with SipHash on this core,
        /// one cache miss after another: 27 % of a 1M `inspect --invoices`'s samples.
        var ids: IdTable
        var firstLines: [Int] = []

        private let keepsItems: Bool

        init(path: String, keepsItems: Bool) {
            self.path = path
            self.keepsItems = keepsItems
            ids = IdTable()
        }

        /// Room for `expected` rows (one per 100 bytes of the file): growing a million items
        /// copies them several times, on fresh pages; room not used is never touched, so it costs
        /// no memory.
        mutating func reserve(_ expected: Int) {
            if keepsItems { items.reserveCapacity(expected) }
            ids = IdTable(capacity: expected)
            firstLines.reserveCapacity(expected)
        }

        /// Hands the items added so far to `each` and returns them, for the caller to let go of
        /// (nil, and nothing done, without `each` or items).
        @discardableResult
        mutating func handOn(to each: (([OpenItem]) -> Void)?) -> [OpenItem]? {
            guard let each, !items.isEmpty else { return nil }
            each(items)
            var handed: [OpenItem] = []
            swap(&handed, &items)
            return handed
        }

        /// Adds rows (the next in file order) read `lineOffset` lines above where they are; false
        /// once there are enough problems to stop (the items are then of no use).
        mutating func add(_ rows: inout Rows, lineOffset: Int) -> Bool {
            var repeated: Set<Int> = []
            var item = 0
            // Each mark moved out in turn (last first, then taken off the end): bound in a
            // `for` loop, each was copied, its id retained and released (~140 instructions).
            var marks: [Rows.Mark] = []
            swap(&marks, &rows.marks)
            marks.withUnsafeMutableBufferPointer { $0.reverse() }
            var index = 0
            while !marks.isEmpty {
                if index % 64 == 0 { ids.lookAhead(marks.suffix(64).compactMap(\.idHash)) }
                index += 1
                let mark = marks.removeLast()
                defer { if mark.problems == nil { item += 1 } }
                // Duplicates are checked on the id alone, so that a bad first row still counts.
                if let id = mark.id {
                    let (number, isNew) = ids.number(of: id, hash: mark.idHash)
                    if !isNew {
                        findings.append(Finding(SourceLocation(file: path, line: mark.idLine + lineOffset, column: mark.idColumn),
                                                "invoice_id \(id) already on line \(firstLines[number])"))
                        if mark.problems == nil { repeated.insert(item) }
                        continue
                    }
                    firstLines.append(mark.line + lineOffset)
                }
                if let problems = mark.problems {
                    findings += problems.map { $0.shifted(by: lineOffset) }
                    if findings.count >= 1000 { return false }
                }
            }
            let start = items.count
            if repeated.isEmpty {
                // Moved, not copied: a copy counted a reference to each item's texts, made on
                // another core, and dropping the block's array let go of it again.
                items.appendMoving(&rows.items)
            } else {
                for index in rows.items.indices where !repeated.contains(index) { items.append(rows.items[index]) }
            }
            rows = Rows()
            if lineOffset != 0 {
                for index in start..<items.count { items[index].shiftOrigin(by: lineOffset) }
            }
            return true
        }
    }

    private static func read(_ fields: inout FieldReader, _ columns: Columns, _ memos: inout Memos,
                             into rows: inout Rows) {
        fields.startRecord()
        // Not retained: `fields` holds the reader for the whole row. A strong copy counted a
        // reference to it and let go of it every row, an atomic operation each (see `readItem`).
        unowned(unsafe) let reader = fields.reader
        let index = columns.invoiceId.index!
        let id = fields.peek(index) ?? nil
        let idLocation = reader.lineAndColumn(ofField: index)
        var problems: [Finding]?
        do {
            rows.items.append(try readItem(&fields, id: id, columns, &memos))
        } catch .invalid(let found) {
            problems = found
        } catch {
            problems = [Finding(reader.recordLocation, "\(error)")]
        }
        // Made where it is appended: made first and then appended, each mark was copied.
        rows.marks.append(Rows.Mark(id: id, idHash: id.flatMap(IdTable.hash), line: reader.recordLine,
                                    idLine: idLocation.line, idColumn: idLocation.column, problems: problems))
    }

    /// The columns, looked up by name once.
    private struct Columns {
        let invoiceId, customerId, customerName, type, currency, amount, openAmount: CSVColumn
        let invoiceDate, dueDate, cashDiscount, discountTaken, reference, customerIban: CSVColumn

        init(_ header: CSVHeader) {
            invoiceId = header.column("invoice_id")
            customerId = header.column("customer_id")
            customerName = header.column("customer_name")
            type = header.column("type")
            currency = header.column("currency")
            amount = header.column("amount")
            openAmount = header.column("open_amount")
            invoiceDate = header.column("invoice_date")
            dueDate = header.column("due_date")
            cashDiscount = header.column("cash_discount")
            discountTaken = header.column("discount_taken")
            reference = header.column("reference")
            customerIban = header.column("customer_iban")
        }
    }

    /// One row as an item; `id` is the invoice id when already read (nil: read it here, reporting
    /// why it is missing).
    private static func readItem(_ row: inout FieldReader, id: String?, _ columns: Columns,
                          _ memos: inout Memos) throws(ReadError) -> OpenItem {
        // Not retained (`row` holds it): letting go of a strong copy at the end of every row, an
        // atomic decrement, took 2.4 % of a 1M parse's samples (perf; swift_release 5.0 → 2.8 %).
        unowned(unsafe) let reader = row.reader
        if reader.fieldCount != row.header.fieldCount {
            throw ReadError.invalid(reader.recordLocation,
                                    "expected \(row.header.fieldCount) fields as in the header, found \(reader.fieldCount)")
        }
        let invoiceId = id ?? row.required(columns.invoiceId)
        let customerId = row.required(columns.customerId)
        let currency = row.currency(columns.currency)
        var amount: Money?, openAmount: Money?, discountTaken: Money?
        if let currency {
            amount = row.amount(columns.amount, currency: currency)
            openAmount = row.optionalAmount(columns.openAmount, currency: currency)
            discountTaken = row.optionalAmount(columns.discountTaken, currency: currency)
        } else {
            for column in [columns.amount, columns.openAmount, columns.discountTaken] { _ = row.optional(column) }
        }
        let invoiceDate = row.date(columns.invoiceDate, memo: &memos.invoiceDate)
        let dueDate = row.optionalDate(columns.dueDate, memo: &memos.dueDate)
        let tiers = row.discountTiers(columns.cashDiscount, cache: &memos.tiers)
        let type = row.type(columns.type, amount: amount, amountColumn: columns.amount)
        // Read every text column now, so that one that is not UTF-8 is reported with the rest
        // (and never taken as empty), as are the amounts of an unknown currency above.
        let texts = memos.texts
        texts.removeAll()
        row.optional(columns.customerName, into: texts, as: .customerName)
        row.optional(columns.reference, into: texts, as: .reference)
        row.optional(columns.customerIban, into: texts, as: .customerIban)
        if let amount, let type {
            row.check(type == .invoice ? amount.isPositive : amount.isNegative, columns.amount,
                      type == .invoice ? "an invoice amount must be positive" : "a \(type.rawValue) amount must be negative")
            if let openAmount {
                row.check(openAmount.isZero || openAmount.isNegative == amount.isNegative, columns.openAmount,
                          "open_amount must have the sign of amount")
                row.check(openAmount.magnitude <= amount.magnitude, columns.openAmount, "open_amount exceeds amount")
            }
            if let discountTaken {
                row.check(discountTaken.isZero || discountTaken.isNegative == amount.isNegative, columns.discountTaken,
                          "discount_taken must have the sign of amount")
            }
        }
        try row.finish()
        return OpenItem(invoiceId: invoiceId!, customerId: customerId!, type: type!, amount: amount!,
                        openAmount: openAmount, invoiceDate: invoiceDate!, dueDate: dueDate, cashDiscount: tiers,
                        discountTaken: discountTaken, texts: texts, origin: reader.recordLocation)
    }
}
