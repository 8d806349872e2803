#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReconFormats

/// Read limits from the environment: `RECON_MAX_FILE_SIZE` (e.g. `4GiB`, `500MB`, a byte count).
public enum Limits {
    public static func fromEnvironment() throws -> ReadLimits {
        var limits = ReadLimits.standard
        if let raw = getenv("RECON_MAX_FILE_SIZE") {
            let text = String(cString: raw)
            guard let size = ReadLimits.parseSize(text), size > 0 else {
                throw ReconFailure(.usage, ["RECON_MAX_FILE_SIZE: '\(text)' is not a size (e.g. 4GiB, 500MB, 1048576)"])
            }
            limits.maxFileBytes = size
        }
        return limits
    }
}
