import ArgumentParser
import ReconApp

struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles", abstract: "List the built-in bank profiles (CSV layouts and MT940 encodings).")

    func run() throws {
        Terminal.output(ProfilesJob.render())
    }
}
