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
        The workspace commands (init, import, match, review, decide, export, status, log) keep state \
        across runs in DIR/recon.sqlite (see docs/workspace.md).

        Exit codes: 0 success (exceptions are not failures), 64 usage, 65 bad input data, \
        66 missing input file or workspace, 70 internal inconsistency (nothing written), \
        73 workspace exists already, 74 I/O error, 75 workspace busy (nothing changed).
        """,
        subcommands: [Reconcile.self, Refund.self, Inspect.self, Profiles.self, Init.self, Import.self, Match.self,
                      Review.self, Decide.self, Export.self, Status.self, Log.self]
    )

    static func main() {
        MemoryTuning.apply()
        main(nil)
    }
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
