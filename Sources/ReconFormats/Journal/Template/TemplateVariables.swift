import Mustache
import ReconCore

/// The values a journal template sees (documented in docs/journals.md). Sections: `vouchers`, and
/// inside each voucher `lines`; a line also sees its voucher's values, a voucher the top level's.
/// A value that a voucher or line does not have (a bank line's `invoice_id`) renders as an empty
/// string and is false in a section; a name that is not a variable at all is an error.
public enum TemplateVariables {
    public static let topLevel = ["generated_by", "voucher_count", "vouchers"]
    public static let voucher = ["number", "date", "date_dmy", "date_compact", "currency", "entry_id", "bank_ref",
                                 "payer_name", "payer_iban", "description", "total", "total_comma", "lines"]
    public static let line = ["line_number", "account", "debit", "credit", "amount", "debit_comma", "credit_comma",
                              "amount_comma", "is_debit", "is_credit", "customer_id", "invoice_id", "text"]
    public static var all: Set<String> { Set(topLevel + voucher + line) }

    /// The top-level scope for `input`.
    static func root(_ input: JournalInput) -> TemplateScope {
        let vouchers: [[String: Any]] = input.vouchers.map { voucher in
            let transaction = input.transaction(of: voucher)
            let lines: [[String: Any]] = voucher.lines.enumerated().map { index, line in
                [
                    "line_number": String(index + 1),
                    "account": line.account,
                    "debit": money(line.debit),
                    "credit": money(line.credit),
                    "amount": line.amount.formatted(),
                    "debit_comma": money(line.debit, comma: true),
                    "credit_comma": money(line.credit, comma: true),
                    "amount_comma": line.amount.formatted(decimalSeparator: ","),
                    "is_debit": line.amount.isPositive,
                    "is_credit": line.amount.isNegative,
                    "customer_id": text(line.customerId),
                    "invoice_id": text(line.invoiceId),
                    "text": line.text,
                ]
            }
            let (year, month, day) = voucher.date.components
            return [
                "number": voucher.number,
                "date": voucher.date.description,
                "date_dmy": pad(day) + "." + pad(month) + "." + String(year),
                "date_compact": String(voucher.date.description.filter { $0 != "-" }),
                "currency": voucher.currency.code,
                "entry_id": voucher.entryId,
                "bank_ref": text(transaction?.bankRef),
                "payer_name": text(transaction?.payerName),
                "payer_iban": text(transaction?.payerIban),
                "description": voucher.lines.first?.text ?? "",
                "total": voucher.total.formatted(),
                "total_comma": voucher.total.formatted(decimalSeparator: ","),
                "lines": lines,
            ]
        }
        return TemplateScope(["generated_by": "recon", "voucher_count": String(vouchers.count), "vouchers": vouchers])
    }

    private static func money(_ value: Money?, comma: Bool = false) -> Any {
        guard let value else { return Absent() }
        return value.formatted(decimalSeparator: comma ? "," : ".")
    }

    private static func text(_ value: String?) -> Any {
        guard let value, !value.isEmpty else { return Absent() }
        return value
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

/// A value a voucher or line does not have: renders empty, false in sections.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// The top-level scope. swift-mustache looks a name up from the innermost scope outwards and
/// renders nothing when no scope has it; the top level is asked last, so a name it does not know
/// is a name no scope knows — recorded here, so that rendering can fail instead.
final class TemplateScope: MustacheParent {
    private let values: [String: Any]
    private(set) var missing: [String] = []

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        if !missing.contains(name) { missing.append(name) }
        return nil
    }
}
