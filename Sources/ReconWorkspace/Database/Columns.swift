import GRDB
import ReconCore

/// Turning database values back into recon's values. A value recon wrote that does not read back
/// is damage to the file, reported as such (never a crash, never a guess).
struct Columns {
    let path: String

    /// Bank transactions may carry a withdrawn currency (an old statement in DEM), so the
    /// statement list is accepted here too.
    func currency(_ code: String) throws -> Currency {
        guard let currency = Currency(statementCode: code) else { throw damaged("unknown currency '\(code)'") }
        return currency
    }

    func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { throw damaged("'\(text)' is not a date") }
        return date
    }

    func date(_ text: String?) throws -> CalendarDate? {
        try text.map { try date($0) }
    }

    func damaged(_ message: String) -> WorkspaceError {
        .damaged(path: path, message: message)
    }
}

extension CalendarDate {
    /// `YYYY-MM-DD`, as the workspace stores dates.
    var iso: String { description }
}
