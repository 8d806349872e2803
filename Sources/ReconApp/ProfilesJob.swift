import ReconFormats

/// `recon profiles`: the built-in bank profiles, one per line: name, format, description.
public enum ProfilesJob {
    public static func render() -> String {
        let profiles = ProfileCatalog.builtIn
        let width = profiles.map(\.name.count).max() ?? 0
        return profiles.map { profile in
            let name = profile.name + String(repeating: " ", count: width - profile.name.count)
            let format = profile.format.rawValue + (profile.format == .csv ? "  " : "")
            return "\(name)  \(format)  \(profile.description)"
        }.joined(separator: "\n") + "\n"
    }
}
