import ReconCore

/// The built-in profiles (compiled from `templates/banks/*.toml`) and users' own profile files.
public enum ProfileCatalog {
    /// Every built-in profile, sorted by name. A built-in that does not parse is a bug in recon,
    /// caught by the tests that also keep `BuiltInProfiles.swift` in step with `templates/banks/`.
    public static let builtIn: [BankProfile] = BuiltInProfiles.sources.map { source in
        do {
            return try BankProfile.parse(toml: source.toml, path: "built-in:\(source.name)", defaultName: source.name,
                                         checksPatterns: false)
        } catch {
            fatalError("built-in profile \(source.name) does not parse: \(error)")
        }
    }.sorted { $0.name < $1.name }

    /// The CSV profiles format detection tries.
    public static var detectable: [BankProfile] { builtIn.filter { $0.format == .csv } }

    /// A built-in profile by name, or a profile file by path (anything with a `/` or ending in `.toml`).
    public static func profile(_ nameOrPath: String) throws -> BankProfile {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            let bytes = try FileByteSource(path: nameOrPath).readAll()
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ReadError.invalid(SourceLocation(file: nameOrPath, line: 1), "profile is not valid UTF-8")
            }
            var stem = Substring(nameOrPath.split(separator: "/").last ?? "")
            if stem.hasSuffix(".toml") { stem = stem.dropLast(5) }
            return try BankProfile.parse(toml: text, path: nameOrPath, defaultName: String(stem).lowercased())
        }
        guard let profile = builtIn.first(where: { $0.name == nameOrPath }) else {
            throw ReadError.invalid(SourceLocation(file: nameOrPath, line: 1),
                                    "no built-in profile '\(nameOrPath)' (recon profiles lists them; a path to a .toml file works too)")
        }
        return profile
    }
}
