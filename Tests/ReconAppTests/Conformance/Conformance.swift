import Foundation
import ReconCore
import ReconFormats
import ReconApp

/// Reads one corpus file with `recon inspect`'s job and compares it with its MANIFEST section.
enum Conformance {
    struct Result {
        var format: String?
        /// The refusal message, when the file was refused.
        var refusal: String?
        var problems: [String] = []
        var report: InspectJob.Report?
    }

    static func run(_ file: Manifest.File, corpus: String) -> Result {
        let full = corpus + "/" + file.path
        var result = Result()
        do {
            let report = try InspectJob(path: full, profile: Divergences.profiles[file.path]).run()
            result.format = report.format
            result.report = report
            var checker = Checker(file: file, report: report, skipped: Divergences.skipped[file.path] ?? [:])
            checker.compare()
            result.problems = checker.problems
            result.problems += PeerExpectations.check(file.path, report)
        } catch ReadError.invalid(let findings) {
            result.refusal = findings.map(\.description).joined(separator: "; ")
            for finding in findings where finding.location.file != full || finding.location.line < 1 || finding.message.isEmpty {
                result.problems.append("refusal without FILE:LINE: \(finding)")
            }
        } catch {
            result.problems.append("unexpected error: \(error)")
        }
        return result
    }

    /// camt.052, camt.053, camt.054, mt940, mt942, csv or xml (not camt), for the summary.
    static func family(of file: Manifest.File, result: Result, corpus: String) -> String {
        if let format = result.format {
            if format.hasPrefix("camt.") { return String(format.prefix(8)) }
            if format.hasPrefix("csv:") { return "csv" }
            return format
        }
        let text = file.text
        for family in ["camt.052", "camt.053", "camt.054"] where text.contains("Format (computed): \(family)") {
            return family
        }
        if file.path.hasSuffix(".xml") {
            // A refused document: the namespace it declares, if any.
            let head = (FileManager.default.contents(atPath: corpus + "/" + file.path) ?? Data()).prefix(2048)
            let declared = String(decoding: head, as: UTF8.self)
            for family in ["camt.052", "camt.053", "camt.054"] where declared.contains("xsd:" + family) { return family }
            return "xml (not camt)"
        }
        if file.path.hasSuffix(".csv") || file.path.hasSuffix(".CSV") { return "csv" }
        return "mt940"
    }
}
