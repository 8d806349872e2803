/// What the `:86:` fields of one statement line say about the payment, whichever dialect the
/// bank writes: German `GVC?00…?20…?32…` sub-fields (or `>` for Triodos) with SEPA keywords,
/// Dutch `/EREF/…/CNTP/…/REMI/…` and `/ORDP//NAME/…`, or free text.
struct MT940Details: Equatable {
    var text = ""
    var endToEndId: String?
    var structuredRef: String?
    var payerName: String?
    var payerAccount: String?

    /// `fields` are the `:86:` tags of one `:61:` (usually one), each as its lines.
    static func parse(_ fields: [[Substring]]) -> MT940Details {
        guard !fields.isEmpty else { return MT940Details() }
        let raw = fields.map { $0.joined() }.joined()
        var details: MT940Details
        if let german = GermanSubfields(raw) {
            details = german.details
        } else if let dutch = DutchFields(raw) {
            details = dutch.details
        } else {
            details = MT940Details()
            details.text = fields.map(freeText).joined(separator: " ").collapsingWhitespace()
        }
        if details.structuredRef == nil {
            details.structuredRef = PaymentReferences.creditorReference(atStartOf: details.text)
        }
        return details
    }

    /// Free text as the bank wrapped it: a line of 60 characters or more was cut by the bank and
    /// continues on the next without a separator; a shorter line ended where the writer ended it.
    static func freeText(_ lines: [Substring]) -> String {
        var result = ""
        for (index, line) in lines.enumerated() {
            if index > 0 && lines[index - 1].count < 60 { result += " " }
            result += line
        }
        return result.collapsingWhitespace()
    }
}

/// `166?00GUTSCHRIFT?100399?20EREF+…?21…?30BLZ?31KONTO?32NAME?33…?60…`: a three-digit business
/// transaction code, then sub-fields introduced by `?` (Triodos: `>`) and two digits. Line breaks
/// carry no meaning and may fall anywhere, even between `?` and the digits.
struct GermanSubfields {
    var code: String
    var subfields: [(id: Int, value: String)] = []

    init?(_ raw: String) {
        let trimmed = raw.drop { $0 == " " }
        let code = trimmed.prefix(3)
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let rest = Array(trimmed.dropFirst(3))
        guard let separator = rest.first, separator == "?" || separator == ">" else { return nil }
        self.code = String(code)
        var index = 0
        var current: (id: Int, start: Int)?
        func close(at end: Int) {
            if let open = current { subfields.append((open.id, String(rest[open.start..<end]))) }
        }
        while index < rest.count {
            if rest[index] == separator, index + 2 < rest.count, let tens = rest[index + 1].wholeNumberValue,
               let ones = rest[index + 2].wholeNumberValue, rest[index + 1].isASCII, rest[index + 2].isASCII {
                close(at: index)
                current = (tens * 10 + ones, index + 3)
                index += 3
            } else {
                index += 1
            }
        }
        close(at: rest.count)
        guard !subfields.isEmpty else { return nil }
    }

    func value(_ ids: ClosedRange<Int>) -> String {
        subfields.filter { ids.contains($0.id) }.map(\.value).joined()
    }

    /// `?20…?29` then `?60…?63`, in order. Where numbers are skipped (`?20` straight to `?60`, a
    /// truncated export) a boundary is kept, so that a SEPA keyword's value does not run across it.
    var purpose: String {
        var result = ""
        var previous: Int?
        for (id, value) in subfields where (20...29).contains(id) || (60...63).contains(id) {
            if let previous, id != previous + 1, !(previous == 29 && id == 60) { result += SEPAKeywords.boundary }
            result += value
            previous = id
        }
        return result
    }

    var details: MT940Details {
        let purpose = self.purpose
        let keywords = SEPAKeywords(purpose)
        var details = MT940Details()
        if keywords.isEmpty {
            details.text = keywords.leading
        } else {
            details.text = keywords["SVWZ"] ?? keywords.leading
            details.endToEndId = PaymentReferences.meaningful(keywords["EREF"])
        }
        let name = value(32...33).collapsingWhitespace()
        details.payerName = name.isEmpty ? keywords["ABWA"] : name
        let account = value(31...31).filter { $0 != " " }
        details.payerAccount = account.isEmpty ? keywords["IBAN"] : account
        return details
    }
}

/// `/EREF/…//CNTP/IBAN/BIC/Name/City///REMI/USTD//text/` (ING), `/ORDP//NAME/…/ADDR/…/REMI/…/ISDT/…`
/// (Rabobank), `/TRTP/…/IBAN/…/BIC/…/NAME/…/REMI/…/EREF/…` (ABN AMRO, Knab, bunq). Values run up to
/// the next `/KEY/` of a known key, so a `/` inside a value (`t/m`, `EN/OF`) stays in the value.
struct DutchFields {
    static let keys: Set<String> = ["EREF", "PREF", "KREF", "MARF", "CSID", "CNTP", "REMI", "ORDP", "BENM", "NAME",
                                    "ADDR", "ISDT", "TRTP", "IBAN", "BIC", "BBAN", "RTRN", "PURP", "ULTC", "ULTD",
                                    "ULTB", "SVCL", "OCMT", "CHGS", "EXCH", "BUSP", "RTYP", "IREF", "ACCW"]
    /// Keys whose values are parties, accounts, codes or dates rather than words about the payment.
    static let structural: Set<String> = ["EREF", "CNTP", "ORDP", "BENM", "NAME", "ADDR", "ISDT", "TRTP", "IBAN", "BIC",
                                          "BBAN", "RTRN", "PURP", "ULTC", "ULTD", "ULTB", "SVCL", "OCMT", "CHGS", "EXCH",
                                          "BUSP", "RTYP", "IREF", "ACCW", "CSID", "MARF"]
    var values: [String: String] = [:]

    init?(_ raw: String) {
        let characters = Array(raw.trimmingCharacters(in: " "))
        guard characters.first == "/" else { return nil }
        var marks: [(offset: Int, key: String)] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "/", let key = Self.key(in: characters, at: index + 1) {
                marks.append((index, key))
                index += key.count + 2
            } else {
                index += 1
            }
        }
        guard let first = marks.first, first.offset == 0 else { return nil }
        for (position, mark) in marks.enumerated() {
            let start = mark.offset + mark.key.count + 2
            let end = position + 1 < marks.count ? marks[position + 1].offset : characters.count
            if values[mark.key] == nil { values[mark.key] = String(characters[start..<max(start, end)]) }
        }
    }

    private static func key(in characters: [Character], at start: Int) -> String? {
        var end = start
        while end < characters.count, end - start < 5, characters[end].isASCII, characters[end].isUppercase { end += 1 }
        guard end < characters.count, characters[end] == "/", end > start else { return nil }
        let key = String(characters[start..<end])
        return keys.contains(key) ? key : nil
    }

    private func value(_ key: String) -> String? {
        guard let raw = values[key] else { return nil }
        let trimmed = raw.trimmingCharacters(in: "/").collapsingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    var details: MT940Details {
        var details = MT940Details()
        details.endToEndId = PaymentReferences.meaningful(value("EREF"))
        if let counterparty = values["CNTP"] {
            let parts = counterparty.split(separator: "/", omittingEmptySubsequences: false).map {
                String($0).collapsingWhitespace()
            }
            if let account = parts.first, !account.isEmpty { details.payerAccount = account }
            if parts.count > 2, !parts[2].isEmpty { details.payerName = parts[2] }
        }
        if details.payerName == nil { details.payerName = value("NAME") }
        if details.payerAccount == nil { details.payerAccount = value("IBAN") ?? value("BBAN") }
        if values["REMI"] == nil {
            // No remittance field: what the other fields say in words (`/PREF/PmtInfId-…`).
            let described = values.keys.filter { !Self.structural.contains($0) }.sorted().compactMap(value)
            details.text = described.joined(separator: " ")
        }
        if let remittance = values["REMI"] {
            let trimmed = remittance.drop { $0 == "/" }
            if trimmed.hasPrefix("USTD") {
                details.text = String(trimmed.dropFirst(4)).trimmingCharacters(in: "/").collapsingWhitespace()
            } else if trimmed.hasPrefix("STRD") {
                let parts = trimmed.split(separator: "/").map(String.init)
                if let reference = parts.last(where: { !$0.isEmpty && $0 != "STRD" && $0 != "CUR" && $0 != "SCOR"
                    && $0 != "ISO" && $0 != "CDTRREFTP" && $0 != "CD" && $0 != "ISSR" && $0 != "CDTRREF" }) {
                    details.structuredRef = reference.collapsingWhitespace()
                }
            } else {
                details.text = String(trimmed).trimmingCharacters(in: "/").collapsingWhitespace()
            }
        }
        return details
    }
}
