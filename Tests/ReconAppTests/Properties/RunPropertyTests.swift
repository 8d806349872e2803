import Foundation
import PropertyBased
import Testing
import ReconCore
import ReconTestSupport
@testable import ReconApp

/// Whole runs from files: random open items and a random bank CSV (`generic`), reconciled by the
/// job `recon reconcile` runs.
/// - The same inputs give byte-identical outputs, every file.
/// - The rows of the open-items file in any order, and the bank rows moved across days (each
///   day's rows keeping their order, docs/reliability.md), give the same files; only
///   open-items.csv, which keeps the input's order, has its rows in another order.
@Suite struct RunPropertyTests {
    /// amount in cents, customer (0–3), invoice day (0–20), discount tier (0–2).
    static let items = zip(Gen.int(in: 100...500_000), Gen.int(in: 0...3), Gen.int(in: 0...20), Gen.int(in: 0...2)).array(of: 1...8)
    /// item named (beyond the items: none), share of it (percent), day after it, how it is named.
    static let payments = zip(Gen.int(in: 0...9), Gen.int(in: 50...110), Gen.int(in: 0...12), Gen.int(in: 0...2)).array(of: 1...10)
    static let keys = Gen.int(in: 0...1_000).array(of: 1...12)

    typealias Item = (Int, Int, Int, Int)
    typealias Payment = (Int, Int, Int, Int)

    static func invoiceRows(_ items: [Item]) -> [String] {
        items.enumerated().map { index, item in
            let date = CalendarDate(iso: "2025-06-01")!.adding(days: item.2)
            return "\(20_000 + index),C\(item.1),\"Kunde \(item.1), AS\",NOK,\(Money(minorUnits: Int64(item.0), currency: .NOK)),\(date),"
                + ["", "2%/5", "2%/5 1%/14"][item.3] + ",\(9_000 + index)"
        }
    }

    static func bankRows(_ items: [Item], _ payments: [Payment]) -> [(day: CalendarDate, row: String)] {
        payments.enumerated().map { index, payment in
            let named = payment.0 < items.count ? payment.0 : nil
            let item = items[payment.0 % items.count]
            let day = CalendarDate(iso: "2025-06-01")!.adding(days: item.2 + payment.2)
            let amount = Money(minorUnits: max(1, Int64(item.0) * Int64(payment.1) / 100), currency: .NOK)
            let reference = named.map { payment.3 == 0 ? "\(9_000 + $0)" : "" } ?? ""
            let text = named.map { payment.3 == 1 ? "Faktura \(20_000 + $0)" : "" } ?? "Husleie"
            return (day, "\(day),\(day),\(amount),NOK,Kunde \(item.1),,\(reference),\(text),B\(index)")
        }
    }

    /// Writes the inputs into `directory` and runs the job into `directory/out`: every output file.
    static func run(_ invoices: [String], _ bank: [String], in directory: String) throws -> [String: [UInt8]] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let invoicesPath = directory + "/invoices.csv", bankPath = directory + "/bank.csv"
        try ("invoice_id,customer_id,customer_name,currency,amount,invoice_date,cash_discount,reference\n"
             + invoices.joined(separator: "\n") + "\n").write(toFile: invoicesPath, atomically: true, encoding: .utf8)
        try ("booking_date,value_date,amount,currency,payer_name,payer_iban,reference,text,bank_ref\n"
             + bank.joined(separator: "\n") + "\n").write(toFile: bankPath, atomically: true, encoding: .utf8)
        let job = ReconcileJob(invoicesPath: invoicesPath, bankPaths: [bankPath], configPath: nil,
                               outputPath: directory + "/out", journalFormats: [.hledger, .beancount])
        _ = try job.run()
        var files = snapshot(directory + "/out")
        // summary.json names the input files, which differ by directory only.
        files["summary.json"] = files["summary.json"].map { Array(String(decoding: $0, as: UTF8.self)
            .replacingOccurrences(of: directory, with: "DIR").utf8) }
        return files
    }

    @Test func theSameInputsGiveTheSameBytes() async {
        await propertyCheck(count: 15, input: Self.items, Self.payments) { items, payments in
            let temporary = TemporaryDirectory()
            let invoices = Self.invoiceRows(items), bank = Self.bankRows(items, payments).map(\.row)
            let first = try! Self.run(invoices, bank, in: temporary.path + "/a")
            let second = try! Self.run(invoices, bank, in: temporary.path + "/b")
            #expect(first.count == 11)
            #expect(changes(from: first, to: second).isEmpty)
        }
    }

    @Test func reorderedInputRowsGiveTheSameFiles() async {
        await propertyCheck(count: 15, input: Self.items, Self.payments, Self.keys) { items, payments, keys in
            let temporary = TemporaryDirectory()
            let invoices = Self.invoiceRows(items), bank = Self.bankRows(items, payments)
            let shuffledInvoices = PermutationOrder.permuted(invoices, keys: keys)
            // Across days in any order; within a day, in the original order.
            let shuffledBank = PermutationOrder.permuted(bank, keys: keys).map(\.day)
            var byDay: [CalendarDate: [String]] = [:]
            for row in bank { byDay[row.day, default: []].append(row.row) }
            var taken: [CalendarDate: Int] = [:]
            let reorderedBank = shuffledBank.map { day -> String in
                defer { taken[day, default: 0] += 1 }
                return byDay[day]![taken[day, default: 0]]
            }
            let original = try! Self.run(invoices, bank.map(\.row), in: temporary.path + "/a")
            let reordered = try! Self.run(shuffledInvoices, reorderedBank, in: temporary.path + "/b")
            let changed = changes(from: original, to: reordered)
            #expect(Set(changed).isSubset(of: ["open-items.csv"]), "\(changed)")
            let lines = { (files: [String: [UInt8]]) in
                String(decoding: files["open-items.csv"]!, as: UTF8.self).split(separator: "\n").sorted()
            }
            #expect(lines(original) == lines(reordered))
        }
    }
}

/// A random permutation from one sort key per element.
enum PermutationOrder {
    static func permuted<T>(_ values: [T], keys: [Int]) -> [T] {
        values.enumerated().sorted { (keys[$0.offset % keys.count], $0.offset) < (keys[$1.offset % keys.count], $1.offset) }
            .map(\.element)
    }
}
