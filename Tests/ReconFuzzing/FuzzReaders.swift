import ReconApp
import ReconCore
import ReconFormats

/// The bank-file and open-items readers, driven to the end of their input.
enum FuzzReaders {
    static func csv(_ bytes: [UInt8]) throws -> [Finding] {
        // Chunks of 16 to 63 bytes put records and quotes across buffer boundaries.
        var refusals = try readOrRefuse {
            let reader = CSVReader(source: MemoryByteSource(bytes, path: "fuzz.csv"), chunkSize: 16 + bytes.count % 48)
            try reader.skipByteOrderMark()
            reader.delimiter = CSVDialect.detectDelimiter(headerLine: try reader.peekFirstLine())
            while try reader.next() {
                for index in 0..<reader.fieldCount {
                    _ = reader.string(index)
                    let location = reader.location(ofField: index)
                    try require(location.line >= 1 && (location.column ?? 1) >= 1, "field \(index) at \(location)")
                }
            }
        }
        refusals += try readOrRefuse {
            var reader = OpenItemsReader()
            for item in try reader.read(MemoryByteSource(bytes, path: "fuzz.csv")) {
                try require(item.openAmount.currency == item.amount.currency, "\(item.invoiceId): open amount in another currency")
                try require(item.openAmount.magnitude <= item.amount.magnitude, "\(item.invoiceId): open amount above the amount")
            }
        }
        refusals += try readOrRefuse {
            let head = Array(bytes.prefix(BankFile.headBytes))
            var profile = try ProfileCatalog.profile("generic")
            if case .csv(let detected) = BankFile.detect(head: head) { profile = detected }
            try drain(ProfileCSVReader(source: MemoryByteSource(bytes, path: "fuzz.csv"), profile: profile))
        }
        try inBlocksAsInOneReader(bytes)
        return try refusals + bankInput(bytes, name: "bank.csv")
    }

    /// A large file is read in blocks on both cores: read in blocks of 16 to 127 bytes, an input
    /// must give exactly what one reader gives — the same items or entries, or the same findings.
    static func inBlocksAsInOneReader(_ bytes: [UInt8]) throws {
        let blockSize = 16 + bytes.count % 112
        func items(_ blockSize: Int?) -> String {
            outcome {
                var reader = OpenItemsReader()
                reader.blockSize = blockSize
                return try reader.read(MemoryByteSource(bytes, path: "fuzz.csv"))
            }
        }
        try require(items(nil) == items(blockSize), "open items in blocks of \(blockSize) differ from one reader")
        let head = Array(bytes.prefix(BankFile.headBytes))
        guard case .csv(let profile) = BankFile.detect(head: head) else { return }
        func records(_ blockSize: Int?) -> String {
            outcome {
                let reader = try ProfileCSVReader(source: MemoryByteSource(bytes, path: "fuzz.csv"), profile: profile,
                                                  blockSize: blockSize)
                var records: [BankRecord] = []
                while let record = try reader.next() { records.append(record) }
                return (records, reader.warnings)
            }
        }
        try require(records(nil) == records(blockSize), "\(profile.name) in blocks of \(blockSize) differs from one reader")
    }

    /// What a read gave, or the error it threw, as text to compare.
    static func outcome(_ body: () throws -> Any) -> String {
        do { return "\(try body())" } catch { return "error: \(error)" }
    }

    static func camt(_ bytes: [UInt8]) throws -> [Finding] {
        try readOrRefuse { try drain(CamtReader(source: MemoryByteSource(bytes, path: "fuzz.xml"))) }
            + bankInput(bytes, name: "bank.xml")
    }

    static func mt940(_ bytes: [UInt8]) throws -> [Finding] {
        try readOrRefuse { try drain(MT940Reader(source: MemoryByteSource(bytes, path: "fuzz.sta"))) }
            + readOrRefuse { try drain(MT940Reader(source: MemoryByteSource(bytes, path: "fuzz.sta"), encoding: .utf8)) }
            + bankInput(bytes, name: "bank.sta")
    }

    /// The way `recon reconcile` and `recon inspect` read a bank file: limits, detection from the
    /// content, the reader, the statement balance check, camt.054 linking.
    static func bankInput(_ bytes: [UInt8], name: String) throws -> [Finding] {
        let path = try ScratchFile.write(bytes, name: name)
        return try readOrRefuse {
            let input = try BankInput.read(paths: [path], limits: .standard)
            for transaction in input.transactions {
                try require(!transaction.entryId.isEmpty, "a transaction without an entry id at \(transaction.origin)")
            }
        }
    }

    /// Reads every record and checks what `BankInput` relies on: a statement comes before its
    /// entries, and an entry's transactions (at least one) add up to it in its currency.
    static func drain(_ reader: any BankStatementReader) throws {
        var sawStatement = false
        try reader.forEachRecord { record in
            switch record {
            case .statement:
                sawStatement = true
            case .entry(let entry):
                try require(sawStatement, "an entry before any statement at \(entry.origin)")
                try require(!entry.transactions.isEmpty, "an entry without transactions at \(entry.origin)")
                var sum: Int128 = 0
                for transaction in entry.transactions {
                    try require(transaction.amount.currency == entry.amount.currency,
                                "a transaction in \(transaction.amount.currency.code) in an entry in \(entry.amount.currency.code) at \(entry.origin)")
                    sum += Int128(transaction.amount.minorUnits)
                }
                try require(sum == Int128(entry.amount.minorUnits),
                            "transactions add up to \(sum), the entry is \(entry.amount.minorUnits) at \(entry.origin)")
            }
        }
        for warning in reader.warnings {
            try require(!warning.location.file.isEmpty && warning.location.line >= 1, "a warning without its line: \(warning)")
        }
    }
}

/// Runs `body`; a `ReadError.invalid` is a fine answer when every finding names its file and line.
/// Returns the findings of a refusal (none when `body` read its input).
func readOrRefuse(_ body: () throws -> Void) throws -> [Finding] {
    do {
        try body()
        return []
    } catch ReadError.invalid(let findings) {
        try require(!findings.isEmpty, "ReadError.invalid without any finding")
        for finding in findings {
            try require(!finding.location.file.isEmpty && finding.location.line >= 1, "a finding without its line: \(finding)")
        }
        return findings
    }
}
