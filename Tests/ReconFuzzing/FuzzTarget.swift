import ReconCore
import ReconFormats

/// The entry points libFuzzer drives (`Tests/Fuzz`, `make fuzz`) and the test suite replays
/// (`fixtures/fuzz/<target>/`): bytes in, through the same public API recon itself calls.
///
/// The contract each checks: a reader reads the input or refuses it with a `ReadError` whose
/// findings name a file and a line — it never crashes, hangs or throws anything else — and what it
/// reads keeps the readers' own promises (an entry's transactions add up to it, a parsed amount
/// prints and parses back to itself).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `CSVReader` (every field, small chunks), the open-items reader and the bank CSV profiles
    /// (detection, then the detected profile or `generic`).
    case csv
    /// `CamtReader` over `SafeXMLParser`.
    case camt
    /// `MT940Reader`, with the encoding detected and with UTF-8 declared.
    case mt940
    /// A bank profile (TOML) and, when it parses, the profile reading a sample of its own layout;
    /// the same text as a `--config` file.
    case profile
    /// A reviewed exceptions.csv (`DecisionsReader`).
    case decisionsCSV = "decisions-csv"
    /// A reviewed exceptions.xlsx: the bytes as the file, or as its sheet or shared strings inside a
    /// well-formed workbook.
    case decisionsXLSX = "decisions-xlsx"
    /// `Money.parse` in every format and exponent, `ConfiguredAmount`, discount tiers.
    case amount
    /// `CalendarDate(iso:)` and the profiles' date layouts.
    case date

    /// Runs the target on `bytes`.
    public func run(_ bytes: [UInt8]) -> FuzzOutcome {
        do {
            let refusals: [Finding]
            switch self {
            case .csv: refusals = try FuzzReaders.csv(bytes)
            case .camt: refusals = try FuzzReaders.camt(bytes)
            case .mt940: refusals = try FuzzReaders.mt940(bytes)
            case .profile: refusals = try FuzzProfile.run(bytes)
            case .decisionsCSV: refusals = try FuzzDecisions.csv(bytes)
            case .decisionsXLSX: refusals = try FuzzDecisions.xlsx(bytes)
            case .amount: refusals = try FuzzValues.amount(bytes)
            case .date: refusals = try FuzzValues.date(bytes)
            }
            return refusals.isEmpty ? .accepted : .refused(refusals)
        } catch let violation as FuzzViolation {
            return .failed(violation.message)
        } catch {
            return .failed("not a ReadError.invalid: \(type(of: error)): \(error)")
        }
    }

    /// For libFuzzer: a broken contract is a crash, so that the input is kept.
    public func fuzz(_ bytes: UnsafeRawBufferPointer) {
        if case .failed(let message) = run(Array(bytes)) {
            fatalError("fuzz target \(rawValue): \(message)")
        }
    }
}

/// What one input did.
public enum FuzzOutcome: Sendable, Equatable {
    /// Read to the end (by every reader the target drives).
    case accepted
    /// Refused, by at least one of the readers, with these findings (each with its file and line).
    case refused([Finding])
    /// A broken contract: a bug.
    case failed(String)
}

/// A promise of a reader that the input broke.
struct FuzzViolation: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}

func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw FuzzViolation(message()) }
}
