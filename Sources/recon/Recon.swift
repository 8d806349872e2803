#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import ReconApp

@main
struct Recon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recon",
        abstract: "Reconcile bank statements with open customer invoices.",
        discussion: """
        Exit codes: 0 success (exceptions are not failures), 64 usage, 65 bad input data, \
        66 missing input file, 70 internal inconsistency (nothing written), 74 I/O error.
        """,
        subcommands: [Reconcile.self, Refund.self, Inspect.self, Profiles.self]
    )
}

/// Prints a failure's lines on stderr and exits with its status.
func fail(with failure: ReconFailure) -> Never {
    for message in failure.messages { Terminal.error("recon: " + message) }
    Recon.exit(withError: ExitCode(failure.status.rawValue))
}

func printWarnings(_ lines: [String]) {
    for line in lines { Terminal.error("warning: " + line) }
}

/// Whether `path` names an existing file (a template given to `--journal-format`).
func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }
