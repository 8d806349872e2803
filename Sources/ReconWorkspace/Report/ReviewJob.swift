import ReconApp
import ReconCore
import ReconFormats

/// `recon review`: the exception report of what is open in the workspace — exceptions.csv,
/// exceptions.xlsx and report.html, as `reconcile` writes them — for a person to decide on and give
/// back with `recon decide`. The HTML page also lists the settlements not exported yet.
public struct ReviewJob: Sendable {
    public var outputPath: String
    public var csvDialect: CSVOutputDialect

    public init(outputPath: String, csvDialect: CSVOutputDialect = .standard) {
        self.outputPath = outputPath
        self.csvDialect = csvDialect
    }

    public static let files = ["exceptions.csv", ExceptionsWorkbook.fileName, HTMLReportWriter.fileName]

    public struct Report: Sendable {
        public var exceptions: [ReconException]
        public var summary: Summary
    }

    public func run(in workspace: Workspace) throws -> Report {
        let decode = Columns(path: workspace.databasePath)
        let (exceptions, summary, settlements) = try workspace.read { db in
            (try ExceptionRecords.open(db, columns: decode), try WorkspaceSummary.compute(db, columns: decode),
             try SettlementRecords.settlements(db, vouchers: "v.export IS NULL", columns: decode))
        }
        let output = try OutputDirectory(path: outputPath)
        try ReportWriters.writeExceptions(exceptions, to: output.create("exceptions.csv"), dialect: csvDialect)
        try ExceptionsWorkbook.write(exceptions, summary: summary, to: output.create(ExceptionsWorkbook.fileName))
        try HTMLReportWriter.write(.init(summary: summary, settlements: settlements, exceptions: exceptions, decisionsApplied: 0),
                                   to: output.create(HTMLReportWriter.fileName))
        try output.commit()
        return Report(exceptions: exceptions, summary: summary)
    }
}
