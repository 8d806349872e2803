import Foundation
import ReconTestSupport
import Testing

/// A workspace in a fresh temporary directory, driven through the built `recon` executable.
final class TestWorkspace: @unchecked Sendable {
    let directory = TemporaryDirectory()
    var path: String { directory.path + "/ws" }

    /// Creates the workspace (`recon init`), with `config` as its recon.toml when given.
    init(config: String? = nil) throws {
        let result = try recon(["init", path])
        #expect(result.status == 0, "\(result.stderr)")
        if let config { try config.write(toFile: path + "/recon.toml", atomically: true, encoding: .utf8) }
    }

    /// Runs `recon ARGS --workspace DIR` with `environment` added.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try recon(arguments + ["--workspace", path], environment: environment)
    }

    /// Runs a command that must succeed; returns its stdout.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "recon \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// `recon status --json` as a dictionary.
    func status() throws -> [String: Any] {
        let text = try ok(["status", "--json"])
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    func currency(_ code: String) throws -> [String: Any] {
        try #require((try status()["currencies"] as? [String: Any])?[code] as? [String: Any])
    }

    /// Writes a file beside the workspace and returns its path.
    func file(_ name: String, _ contents: String) -> String { directory.write(name, contents) }
}

func recon(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
    try runTool(TestPaths.executable, arguments, environment: environment)
}

/// The generic bank CSV header with an account column.
let bankHeader = "booking_date,value_date,amount,currency,payer_name,payer_iban,reference,text,bank_ref,account\n"
let invoiceHeader = "invoice_id,customer_id,customer_name,type,currency,amount,open_amount,invoice_date,due_date,cash_discount,reference,customer_iban\n"
