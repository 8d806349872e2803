import Foundation
import Testing
import ReconTestSupport

/// One hostile input for `recon reconcile`: the file it replaces, its bytes, and exactly what recon
/// must answer — exit status and every stderr line (`FILE` stands for the hostile file's path).
struct HostileInput: CustomTestStringConvertible, Sendable {
    enum Role: Sendable { case invoices, bank, decisions, config, profile }

    var name: String
    var role: Role
    var fileName: String
    var bytes: @Sendable () -> [UInt8]
    var status: Int32
    var stderr: [String]

    init(_ name: String, _ role: Role, _ fileName: String, status: Int32, _ stderr: [String],
         bytes: @escaping @Sendable () -> [UInt8]) {
        self.name = name
        self.role = role
        self.fileName = fileName
        self.bytes = bytes
        self.status = status
        self.stderr = stderr
    }

    init(_ name: String, _ role: Role, _ fileName: String, status: Int32 = 65, _ stderr: [String], text: String) {
        self.init(name, role, fileName, status: status, stderr) { Array(text.utf8) }
    }

    var testDescription: String { name }

    static let demo = TestPaths.fixture("demo")
    static let decisionsCase = TestPaths.fixture("settlement/08-decisions")

    /// The arguments of a run where this input replaces its file; the others are the demo's (the
    /// decisions fixture's for a decisions file).
    func arguments(file: String, out: String) -> [String] {
        let base = role == .decisions ? Self.decisionsCase : Self.demo
        var invoices = base + "/invoices.csv"
        var banks = role == .decisions ? [base + "/bank.csv"] : [base + "/statement.camt053.xml", base + "/bank.csv"]
        var extra: [String] = []
        switch role {
        case .invoices: invoices = file
        case .bank: banks = [file]
        case .decisions: extra = ["--decisions", file]
        case .config: extra = ["--config", file]
        case .profile:
            banks = [base + "/bank.csv"]
            extra = ["--profile", file]
        }
        return ["reconcile", "--invoices", invoices] + banks.flatMap { ["--bank", $0] } + extra + ["--out", out]
    }
}

/// Bytes for the tables: text with some bytes spliced in.
enum HostileBytes {
    static func text(_ text: String, replacing marker: String, with bytes: [UInt8]) -> [UInt8] {
        let parts = text.components(separatedBy: marker)
        var result = Array(parts[0].utf8)
        for part in parts.dropFirst() { result += bytes + Array(part.utf8) }
        return result
    }

    /// The demo's camt.053 statement with `old` replaced by `new` (once).
    static func demoStatement(replacing old: String, with new: String) -> [UInt8] {
        let text = try! String(contentsOfFile: HostileInput.demo + "/statement.camt053.xml", encoding: .utf8)
        let range = text.range(of: old)!
        return Array(text.replacingCharacters(in: range, with: new).utf8)
    }

    static var demoStatement: [UInt8] {
        [UInt8](FileManager.default.contents(atPath: HostileInput.demo + "/statement.camt053.xml")!)
    }
}
