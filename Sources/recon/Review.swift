import ArgumentParser
import ReconApp
import ReconFormats
import ReconWorkspace

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Write the exception report of what is open: exceptions.csv, exceptions.xlsx, report.html.")

    @Option(help: "Output directory (default: review/ in the workspace).")
    var out: String?

    @Option(name: .customLong("csv-dialect"), help: "exceptions.csv as standard (comma) or excel-eu (semicolon, decimal comma, BOM).")
    var csvDialect: String = CSVOutputDialect.standard.rawValue

    @OptionGroup var workspace: WorkspaceOption

    func validate() throws {
        if CSVOutputDialect(rawValue: csvDialect) == nil {
            throw ValidationError("--csv-dialect must be one of \(CSVOutputDialect.allCases.map(\.rawValue).joined(separator: ", ")), not '\(csvDialect)'")
        }
    }

    func run() throws {
        let path = out ?? workspace.directory + "/review"
        let job = ReviewJob(outputPath: path, csvDialect: CSVOutputDialect(rawValue: csvDialect) ?? .standard)
        let report = workspace.run { try job.run(in: $0) }
        Terminal.output("\(report.exceptions.count) open exceptions; wrote \(path)/: \(ReviewJob.files.joined(separator: ", "))\n")
    }
}
