import ReconCore

/// recon's own bank CSV layout: `booking_date,value_date,amount,currency,payer_name,payer_iban,
/// reference,text,bank_ref` with a header row, a signed amount (credit positive) and a point
/// decimal; an optional `account` column names the statement account.
public final class GenericBankCSVReader: BankStatementReader {
    public static let columns = ["booking_date", "value_date", "amount", "currency", "payer_name", "payer_iban",
                                 "reference", "text", "bank_ref"]
    static let required = ["booking_date", "amount", "currency"]

    public let format: String? = "csv:generic"
    public private(set) var warnings: [Finding] = []
    private var reader: CSVReader
    private let header: CSVHeader
    private var identity = EntryIdentity()
    private var headerEmitted = false

    public init(source: any ByteSource) throws {
        reader = CSVReader(source: source)
        try reader.skipByteOrderMark()
        reader.delimiter = CSVDialect.detectDelimiter(headerLine: try reader.peekFirstLine())
        guard try reader.next() else {
            throw ReadError.invalid(SourceLocation(file: source.path, line: 1), "empty file: expected a header row")
        }
        header = try CSVHeader(reader: reader)
        warnings += try header.validate(required: Self.required, known: Set(Self.columns + ["account"]),
                                        location: reader.recordLocation)
    }

    /// Whether the first line is this layout's header.
    static func matches(_ head: [UInt8]) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let delimiter = CSVDialect.detectDelimiter(headerLine: Array(line))
        let names = Set(line.split(separator: delimiter).map {
            String(decoding: $0, as: UTF8.self).trimmingASCIISpaces().trimmingCharacters(in: "\"").lowercased()
        })
        return required.allSatisfy(names.contains)
    }

    public func next() throws -> BankRecord? {
        if !headerEmitted {
            headerEmitted = true
            return .statement(StatementInfo(format: format!, id: "", account: "", currency: nil, balances: [],
                                            date: nil, origin: SourceLocation(file: reader.path, line: 1)))
        }
        while try reader.next() {
            do {
                return try readRow()
            } catch ReadError.invalid(let found) {
                findings += found
            }
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
        return nil
    }

    private var findings: [Finding] = []

    private func readRow() throws -> BankRecord {
        if reader.fieldCount != header.fieldCount {
            throw ReadError.invalid(reader.recordLocation,
                                    "expected \(header.fieldCount) fields as in the header, found \(reader.fieldCount)")
        }
        var row = FieldReader(reader: reader, header: header)
        let currency = try row.currency("currency")
        let amount = try currency.map { try row.amount("amount", currency: $0) } ?? nil
        let bookingDate = try row.date("booking_date")
        let valueDate = try row.optionalDate("value_date")
        try row.finish()
        let location = reader.recordLocation
        var transaction = BankTransaction(
            bankRef: row.optional("bank_ref"), account: row.optional("account") ?? "", amount: amount!,
            bookingDate: bookingDate!, valueDate: valueDate, structuredRef: row.optional("reference"),
            payerName: row.optional("payer_name"), payerIban: row.optional("payer_iban"),
            text: row.optional("text") ?? "", origin: location)
        identity.assign(&transaction, entryReference: transaction.bankRef, index: 1)
        return .entry(BankEntry(amount: transaction.amount, bookingDate: transaction.bookingDate,
                                valueDate: valueDate, status: .booked, isReversal: false, bankRef: transaction.bankRef,
                                transactions: [transaction], origin: location))
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var view = Substring(self)
        while view.first == set { view.removeFirst() }
        while view.last == set { view.removeLast() }
        return String(view)
    }
}
