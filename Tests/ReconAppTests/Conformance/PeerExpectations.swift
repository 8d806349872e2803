import ReconCore
import ReconApp

/// What peers assert in prose (MANIFEST's "Peer:" lines), encoded by hand where it goes beyond the
/// Computed lines: TxDtls splits, payer names and accounts, references, texts, CSV totals.
enum PeerExpectations {
    static func check(_ path: String, _ report: InspectJob.Report) -> [String] {
        guard let expectations = camt[path] ?? mt940[path] ?? csv[path] else { return [] }
        var probe = Probe(report: report)
        expectations(&probe)
        return probe.problems.map { "peer: " + $0 }
    }
}
