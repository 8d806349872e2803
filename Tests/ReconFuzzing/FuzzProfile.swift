import ReconCore
import ReconFormats

/// A bank profile file (`--profile mybank.toml`) and, since it is TOML too, a `--config` file.
enum FuzzProfile {
    static func run(_ bytes: [UInt8]) throws -> [Finding] {
        // The catalog refuses a profile that is not UTF-8 before TOML sees it; so does the config reader.
        guard let text = String(validating: bytes, as: UTF8.self) else { return [] }
        var refusals = try readOrRefuse { _ = try ConfigReader.parse(text, path: "fuzz.toml") }
        var parsed: BankProfile?
        refusals += try readOrRefuse { parsed = try BankProfile.parse(toml: text, path: "fuzz.toml", defaultName: "fuzz") }
        guard let profile = parsed else { return refusals }
        // A profile that parses must read a file of its own layout without crashing: its header
        // (or its column count) and two rows of plausible values.
        let sample = Array(self.sample(for: profile).utf8)
        switch profile.format {
        case .csv:
            return try refusals + readOrRefuse {
                try FuzzReaders.drain(ProfileCSVReader(source: MemoryByteSource(sample, path: "sample.csv"), profile: profile))
            }
        case .mt940:
            return try refusals + readOrRefuse {
                let statement = Array(":20:X\n:25:A\n:60F:C250301EUR1,00\n:61:250301C1,00NTRFNONREF\n:62F:C250301EUR2,00\n".utf8)
                try FuzzReaders.drain(MT940Reader(source: MemoryByteSource(statement, path: "sample.sta"), encoding: profile.encoding))
            }
        }
    }

    static func sample(for profile: BankProfile) -> String {
        let delimiter = String(UnicodeScalar(profile.delimiters.first ?? UInt8(ascii: ",")))
        let width = max(profile.requiredHeaderNames.count,
                        profile.columns.values.joined().compactMap(\.index).max() ?? 1)
        var lines: [String] = []
        if profile.hasHeader { lines.append(profile.requiredHeaderNames.joined(separator: delimiter)) }
        for value in ["2025-03-01", "01.03.2025", "12,50", "-3.00", "C"] {
            lines.append(Array(repeating: value, count: width).joined(separator: delimiter))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
