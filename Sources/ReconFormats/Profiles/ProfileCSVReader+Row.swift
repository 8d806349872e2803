import ReconCore
#if canImport(Glibc)
import Glibc
#endif

extension ProfileCSVReader {
    enum Row {
        case entry(BankEntry)
        /// A row that only continues the text of the one before (`[rows] continuation`).
        case continuation(String)
    }

    /// One record as a transaction; nil for rows to skip. Throws the row's problems.
    func readRow() throws -> Row? {
        // The row's problems, made findings when it is done (`invalid`): a `fail` that captured
        // `self` counted a reference to the reader around each call it was passed to.
        var problems: [(field: BankProfile.Field, message: String)] = []
        func fail(_ field: BankProfile.Field, _ message: String) {
            problems.append((field, message))
        }
        if !reader.isValidUTF8 {
            let index = (0..<reader.fieldCount).first { reader.string($0) == nil } ?? 0
            throw ReadError.invalid(reader.location(ofField: index), "not valid UTF-8 (the file changes encoding)")
        }
        if (0..<reader.fieldCount).allSatisfy({ isBlank($0) }) { return nil }
        if profile.isStrict && reader.fieldCount != headerFieldCount {
            throw ReadError.invalid(reader.recordLocation,
                                    "expected \(headerFieldCount) fields as in the header, found \(reader.fieldCount)")
        }
        for (column, regex) in rules.skip where matches(column, regex) { return nil }

        if profile.continuationRows && trimmedField(.bookingDate, { $0.isEmpty }) && amountFieldsEmpty {
            let continued = texts(.text)
            return continued.isEmpty ? nil : .continuation(continued)
        }
        let bookingDate = date(.bookingDate, required: true, fail)
        let valueDate = date(.valueDate, required: false, fail)
        var currency = profile.currency
        // The usual code (three capitals of an active currency) read where it is; anything else
        // (lower case, a withdrawn code, a mistake) through the text.
        let (codeIsEmpty, activeCode) = trimmedField(.currency) { bytes -> (Bool, Currency?) in
            if let known = lastCurrency.value(of: bytes) { return (false, known) }
            let code = Currency(bytes: bytes)
            if let code { lastCurrency.remember(code, of: bytes) }
            return (bytes.isEmpty, code)
        }
        if let activeCode {
            currency = activeCode
        } else if !codeIsEmpty {
            let code = value(.currency)
            currency = Currency(statementCode: code.uppercased())
            if currency == nil { fail(.currency, "'\(code)' is not an ISO 4217 currency code") }
        } else if currency == nil {
            fail(.currency, "no currency")
        }
        var amount: Money?
        if let currency { amount = self.amount(currency: currency, fail) }
        if !problems.isEmpty { throw invalid(problems) }
        guard let bookingDate, var amount else { return nil }
        if profile.skipZero && amount.isZero { return nil }
        if let fee = feeAmount(currency: amount.currency, fail) { amount -= fee.magnitude }
        if !problems.isEmpty { throw invalid(problems) }

        var status = EntryStatus.booked
        if rules.pending.contains(where: { matches($0.0, $0.1) }) { status = .pending }
        if rules.info.contains(where: { matches($0.0, $0.1) }) { status = .info }
        func optional(_ field: BankProfile.Field) -> String? {
            let text = value(field)
            return text.isEmpty ? nil : text
        }
        // The statement's own account, the same on most rows: known by its raw bytes, it needs
        // neither a text nor an IBAN made again (~400 instructions a row).
        var account: String?, accountIsNormal = false
        if !rules.extracts(.account), let index = columns[BankProfile.Field.account.ordinal].first {
            if let known = reader.withField(index, { lastAccount.value(of: $0) }) {
                account = known
            } else {
                account = optional(.account).map(normalizedAccount)
                if let account { reader.withField(index) { lastAccount.remember(account, of: $0) } }
            }
            accountIsNormal = true
        } else {
            account = optional(.account)
        }
        // The payer's account made an IBAN straight from its bytes when it is a national number
        // (the text of it cost ~280 instructions a row), unless an extraction may replace it.
        var payerIban: String?, payerIbanIsNormal = false
        if let nationalAccounts, !rules.extracts(.payerIban),
           let iban = trimmedField(.payerIban, { nationalAccounts.iban(bytes: $0) }) {
            payerIban = iban
            payerIbanIsNormal = true
        } else {
            payerIban = optional(.payerIban)
        }
        var bankRef = optional(.bankRef)
        rowTexts.removeAll()
        if rules.extractions.isEmpty && profile.sepaKeywordColumn == nil {
            gatherTexts()
        } else {
            var payerName = optional(.payerName), structuredRef = optional(.structuredRef)
            var endToEndId = optional(.endToEndId)
            let rowText = texts(.text)
            var text: String? = rowText.isEmpty ? nil : rowText
            for (field, column, regex) in rules.extractions {
                guard let found = extract(column, regex) else { continue }
                switch field {
                case .account: account = found
                case .payerName: payerName = found
                case .payerIban: payerIban = found
                case .bankRef: bankRef = found
                case .endToEndId: endToEndId = found
                case .structuredRef: structuredRef = found
                case .text: text = found
                default: break
                }
            }
            if let column = profile.sepaKeywordColumn, let index = ruleIndexes[column] {
                let keywords = SEPAKeywords(self.text(index))
                if !keywords.isEmpty {
                    text = keywords["SVWZ"] ?? keywords.leading
                    if endToEndId == nil { endToEndId = keywords["EREF"] }
                    if payerName == nil { payerName = keywords["ABWA"] }
                }
            }
            rowTexts.set(.payerName, payerName)
            rowTexts.set(.structuredRef, structuredRef)
            rowTexts.set(.endToEndId, PaymentReferences.meaningful(endToEndId))
            rowTexts.set(.text, text ?? "")
        }
        if !accountIsNormal { account = account.map(normalizedAccount) }
        if !payerIbanIsNormal { payerIban = payerIban.map(normalizedAccount) }
        rowTexts.set(.payerIban, payerIban)
        let location = reader.recordLocation
        // The id's part that needs no other row is made here, on the block's core
        // (`nextEntryOfBlocks`), and before the transaction when the row has a reference: read
        // back out of the entry's array just made, the transaction stalled the core (a quarter
        // of this function's samples, its stores not yet where the load looked). With a
        // reference the id is kept as its parts (account, reference, 1), hashed on the stack.
        var idHash: UInt64?
        if !profile.continuationRows && !assignsIdentity, let bankRef, !bankRef.isEmpty {
            idHash = EntryIdentity.hashOfBase(account: account ?? "", reference: bankRef, index: 1)
        }
        // Made in the entry's array: made first and then put in one, the transaction was copied
        // (its box retained) and the first one released.
        var transactions = [BankTransaction(
            entryIdIndex: idHash == nil ? 0 : 1, bankRef: bankRef, account: account ?? "", amount: amount,
            bookingDate: bookingDate, valueDate: valueDate, status: status, texts: rowTexts, origin: location)]
        if !profile.continuationRows {
            if assignsIdentity {
                identity.assign(&transactions[0], entryReference: bankRef, index: 1)
            } else if let idHash {
                lastIdHash = idHash
            } else {
                let entryId = EntryIdentity.base(of: transactions[0], entryReference: bankRef, index: 1)
                transactions[0].entryId = entryId
                lastIdHash = EntryIdentity.hash(of: entryId)
            }
        }
        return .entry(BankEntry(amount: amount, bookingDate: bookingDate, valueDate: valueDate, status: status,
                                isReversal: false, bankRef: bankRef, transactions: transactions, origin: location))
    }

    /// The findings of a row's problems, each at its field (the row's start when the profile has
    /// no such column).
    private func invalid(_ problems: [(field: BankProfile.Field, message: String)]) -> ReadError {
        .invalid(problems.map { field, message in
            let index = columns[field.ordinal].first
            let location = index.map { reader.location(ofField: $0) } ?? reader.recordLocation
            let name = index.flatMap { names[$0] }.map { "'\($0)'" } ?? field.rawValue
            return Finding(location, "\(name): \(message)")
        })
    }

    /// An account number as an IBAN when the profile's country makes one of it, else compacted when
    /// it has an IBAN's shape, else as written.
    private func normalizedAccount(_ raw: String) -> String {
        if let nationalAccounts, let iban = nationalAccounts.iban(raw) { return iban }
        if raw.utf8.contains(0x20) {
            let compact = raw.filter { $0 != " " }
            return PaymentReferences.isIBANShaped(compact) ? compact : raw
        }
        return raw
    }

    /// The payer's name, the structured reference, the end-to-end id and the text put into
    /// `rowTexts` from the fields' bytes, as `readRow` would make them strings: the same bytes
    /// whenever there is no whitespace to collapse (else through the strings), a placeholder
    /// end-to-end id dropped. No string is made of a row's usual texts (~4 of them over 15
    /// bytes, each an allocation made here and freed on the caller's core).
    private func gatherTexts() {
        trimmedField(.payerName) { if !$0.isEmpty { rowTexts.set(.payerName, $0) } }
        trimmedField(.structuredRef) { if !$0.isEmpty { rowTexts.set(.structuredRef, $0) } }
        trimmedField(.endToEndId) { bytes in
            if bytes.isEmpty || PaymentReferences.isPlaceholder(bytes) { return }
            if String.isCollapsed(bytes) {
                rowTexts.set(.endToEndId, bytes)
            } else {
                rowTexts.set(.endToEndId, PaymentReferences.meaningful(String(decoding: bytes, as: UTF8.self)))
            }
        }
        // The columns joined by a space are collapsed when each is (trimmed, none is empty).
        rowTexts.set(.text) {
            var first = true
            for index in columns[BankProfile.Field.text.ordinal] {
                trimmed(index) { part in
                    guard !part.isEmpty else { return }
                    if !first { rowTexts.append(0x20) }
                    rowTexts.append(part)
                    first = false
                }
            }
        }
        if !String.isCollapsed(rowTexts.bytes(of: .text)) { rowTexts.set(.text, texts(.text)) }
    }

    /// Gives a held entry (continuation rows folded in) its identity.
    func finalize(_ entry: BankEntry) -> BankEntry {
        var entry = entry
        identity.assign(&entry.transactions[0], entryReference: entry.bankRef, index: 1)
        return entry
    }

    // MARK: - Fields

    /// Field `index` trimmed (stray quotes too, in lenient mode); "" when absent or not UTF-8.
    func text(_ index: Int) -> String {
        let valid = reader.isValidUTF8
        return trimmed(index) { valid ? String(validUTF8: $0) : String(decoding: $0, as: UTF8.self) }
    }

    /// `body` on the bytes of field `index` as `text(_:)` trims them (none when the field is absent).
    func trimmed<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard index < reader.fieldCount else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let lenient = profile.lenientQuotes
        return reader.withField(index) { bytes in
            func trims(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || (lenient && byte == 0x22) }
            var start = 0, stop = bytes.count
            while start < stop, trims(bytes[start]) { start += 1 }
            while stop > start, trims(bytes[stop - 1]) { stop -= 1 }
            return body(UnsafeBufferPointer(rebasing: bytes[start..<stop]))
        }
    }

    /// `trimmed` of the first column of `field` (no bytes when the profile has none).
    func trimmedField<R>(_ field: BankProfile.Field, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let index = columns[field.ordinal].first else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return trimmed(index, body)
    }

    /// Whether field `index` holds nothing but spaces, tabs (and stray quotes, in lenient mode).
    func isBlank(_ index: Int) -> Bool {
        let lenient = profile.lenientQuotes
        return reader.withField(index) { bytes in
            bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || (lenient && $0 == 0x22) }
        }
    }

    func value(_ field: BankProfile.Field) -> String {
        guard let index = columns[field.ordinal].first else { return "" }
        return text(index)
    }

    /// The texts of all columns of a field, joined by a space.
    func texts(_ field: BankProfile.Field) -> String {
        let indexes = columns[field.ordinal]
        if indexes.count == 1 { return text(indexes[0]).collapsingWhitespace() }
        return indexes.map { text($0) }.filter { !$0.isEmpty }.joined(separator: " ").collapsingWhitespace()
    }

    private var amountFieldsEmpty: Bool {
        [BankProfile.Field.amount, .debit, .credit].allSatisfy { value($0).isEmpty }
    }

    private func matches(_ column: BankProfile.Column, _ regex: Regex<AnyRegexOutput>) -> Bool {
        guard let index = ruleIndexes[column] else { return false }
        return (try? regex.firstMatch(in: text(index))) != nil
    }

    private func extract(_ column: BankProfile.Column, _ regex: Regex<AnyRegexOutput>) -> String? {
        guard let index = ruleIndexes[column], let match = try? regex.firstMatch(in: text(index)) else { return nil }
        let output = match.output
        let found = output.count > 1 ? output[1].substring : output[0].substring
        guard let found else { return nil }
        let value = String(found).collapsingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// The date in the first column of `field`, read from its bytes (a text only for a message).
    private func date(_ field: BankProfile.Field, required: Bool,
                      _ fail: (BankProfile.Field, String) -> Void) -> CalendarDate? {
        let isBooking = field == .bookingDate
        // The usual row: the date of the row before, in the same bytes untrimmed (~150 instructions
        // a date less than trimmed first).
        if let index = columns[field.ordinal].first,
           let known = reader.withField(index, { isBooking ? lastDates.booking.value(of: $0) : lastDates.value.value(of: $0) }) {
            return known
        }
        let patterns = profile.dateFormats
        let (isEmpty, parsed) = trimmedField(field) { bytes -> (Bool, CalendarDate?) in
            if bytes.isEmpty { return (true, nil) }
            if let date = isBooking ? lastDates.booking.value(of: bytes) : lastDates.value.value(of: bytes) {
                return (false, date)
            }
            for pattern in patterns {
                if let date = pattern.parse(bytes) {
                    if isBooking { lastDates.booking.remember(date, of: bytes) } else { lastDates.value.remember(date, of: bytes) }
                    return (false, date)
                }
            }
            return (false, nil)
        }
        if let parsed { return parsed }
        if isEmpty {
            if required { fail(field, "no date") }
            return nil
        }
        let layouts = patterns.map(\.description).joined(separator: " or ")
        fail(field, "'\(value(field))' is not a date (\(layouts))")
        return nil
    }

    // MARK: - Amounts

    private func amount(currency: Currency, _ fail: (BankProfile.Field, String) -> Void) -> Money? {
        switch profile.sign {
        case .signed:
            return parse(.amount, currency: currency, required: true, fail)
        case .debitCredit:
            let debit = parse(.debit, currency: currency, required: false, fail)
            let credit = parse(.credit, currency: currency, required: false, fail)
            switch (debit, credit) {
            case (nil, nil):
                if value(.debit).isEmpty && value(.credit).isEmpty { fail(.credit, "no amount in the debit or credit column") }
                return nil
            case (let debit?, nil): return -debit.magnitude
            case (nil, let credit?): return credit.magnitude
            case (let debit?, let credit?):
                if !debit.isZero && !credit.isZero {
                    fail(.credit, "both a debit (\(debit.magnitude)) and a credit (\(credit.magnitude)) on one row")
                    return nil
                }
                return credit.magnitude - debit.magnitude
            }
        case .indicator(let credits, let debits):
            guard let magnitude = parse(.amount, currency: currency, required: true, fail)?.magnitude else { return nil }
            let mark = value(.indicator).lowercased()
            if credits.contains(where: { $0.lowercased() == mark }) { return magnitude }
            if debits.contains(where: { $0.lowercased() == mark }) { return -magnitude }
            fail(.indicator, "'\(value(.indicator))' is neither a credit (\(credits.joined(separator: ", "))) nor a debit (\(debits.joined(separator: ", ")))")
            return nil
        }
    }

    private func feeAmount(currency: Currency, _ fail: (BankProfile.Field, String) -> Void) -> Money? {
        guard columns[BankProfile.Field.fee.ordinal].first != nil, !value(.fee).isEmpty else { return nil }
        return parse(.fee, currency: currency, required: false, fail)
    }

    /// Parses an amount column from its bytes: configured strings (currency symbols) removed, spaces
    /// after a sign dropped, then the profile's decimal and thousands separators, strictly.
    private func parse(_ field: BankProfile.Field, currency: Currency, required: Bool,
                       _ fail: (BankProfile.Field, String) -> Void) -> Money? {
        guard let index = columns[field.ordinal].first else {
            if required { fail(field, "no such column") }
            return nil
        }
        if profile.strip.isEmpty {
            // The usual field (`1 234,50`, `-12.00`) parsed where it is, without copies.
            let direct: Result<Money?, AmountError>? = reader.withField(index) { field in
                guard let trimmed = Self.trimmedAmount(field) else { return nil }
                if trimmed.isEmpty { return .success(nil) }
                return Result { () throws(AmountError) in try Money.parse(trimmed, currency: currency, format: profile.amountFormat) }
            }
            switch direct {
            case .success(let money?)?: return money
            case .success(nil)?:
                if required { fail(field, "no amount") }
                return nil
            case .failure?, nil: break  // the message (or a sign followed by spaces) needs the copy below
            }
        }
        var bytes = reader.withField(index) { Array($0) }
        for symbol in profile.strip { bytes = bytes.removingAll(Array(symbol.utf8)) }
        bytes = Self.trimAmount(bytes)
        if bytes.isEmpty {
            if required { fail(field, "no amount") }
            return nil
        }
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(AmountError) in
                try Money.parse(buffer, currency: currency, format: profile.amountFormat)
            }
        } catch {
            fail(field, "\(error) '\(String(decoding: bytes, as: UTF8.self))'")
            return nil
        }
    }

    /// `field` as `trimAmount` makes it, in place; nil when it would join a sign to what follows
    /// spaces after it (`+ 1,100.00`), which takes a copy.
    static func trimmedAmount(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var start = 0, end = field.count
        func spacesAt(_ index: Int) -> Int {
            if index < end && (field[index] == 0x20 || field[index] == 0x09) { return 1 }
            if index + 1 < end && field[index] == 0xC2 && field[index + 1] == 0xA0 { return 2 }
            return 0
        }
        while case let count = spacesAt(start), count > 0 { start += count }
        while end > start && (field[end - 1] == 0x20 || field[end - 1] == 0x09) { end -= 1 }
        while end - start >= 2 && field[end - 2] == 0xC2 && field[end - 1] == 0xA0 { end -= 2 }
        if start < end && (field[start] == UInt8(ascii: "+") || field[start] == UInt8(ascii: "-")) && spacesAt(start + 1) > 0 {
            return nil
        }
        return UnsafeBufferPointer(rebasing: field[start..<end])
    }

    /// Spaces (and no-break spaces) at the ends and right after a sign go; `+ 1,100.00` → `+1,100.00`.
    static func trimAmount(_ bytes: [UInt8]) -> [UInt8] {
        var slice = bytes[...]
        func dropSpaces(_ slice: inout ArraySlice<UInt8>) {
            while true {
                if slice.first == 0x20 || slice.first == 0x09 { slice = slice.dropFirst() } else if slice.starts(with: [0xC2, 0xA0]) {
                    slice = slice.dropFirst(2)
                } else { return }
            }
        }
        dropSpaces(&slice)
        while slice.last == 0x20 || slice.last == 0x09 { slice = slice.dropLast() }
        while slice.count >= 2, slice[slice.endIndex - 2] == 0xC2, slice.last == 0xA0 { slice = slice.dropLast(2) }
        if let sign = slice.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            var rest = slice.dropFirst()
            dropSpaces(&rest)
            return [sign] + Array(rest)
        }
        return Array(slice)
    }
}

extension Array where Element == UInt8 {
    func removingAll(_ sequence: [UInt8]) -> [UInt8] {
        guard !sequence.isEmpty, count >= sequence.count else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(count)
        var index = 0
        while index < count {
            if index + sequence.count <= count, self[index..<(index + sequence.count)].elementsEqual(sequence) {
                index += sequence.count
            } else {
                result.append(self[index])
                index += 1
            }
        }
        return result
    }
}
