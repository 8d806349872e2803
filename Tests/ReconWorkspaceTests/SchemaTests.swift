import Foundation
import GRDB
import ReconTestSupport
import Testing
@testable import ReconWorkspace

/// The schema version lives in the file; newer files are refused, missing workspaces named.
struct SchemaTests {
    @Test func initRecordsTheSchemaVersionInTheFile() throws {
        let workspace = try TestWorkspace()
        let queue = try DatabaseQueue(path: workspace.path + "/recon.sqlite")
        let (version, migrations, journal) = try queue.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(version == Schema.version)
        #expect(migrations == Schema.migrations.map(\.id))
        #expect(journal == "wal")
        #expect(try workspace.status()["schema_version"] as? Int == Schema.version)
    }

    @Test func aFileFromANewerReconIsRefusedAndLeftAsItIs() throws {
        let workspace = try TestWorkspace()
        let path = workspace.path + "/recon.sqlite"
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        let result = try workspace.run(["status"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("recon.sqlite: written by a newer recon (schema version 2, this recon knows up to 1: v2-from-the-future unknown)"))
        let match = try workspace.run(["match"])
        #expect(match.status == 65)
        let version = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == 2)
    }

    @Test func commandsOutsideAWorkspaceSayHowToMakeOne() throws {
        let directory = TemporaryDirectory()
        let result = try recon(["status", "--workspace", directory.path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("\(directory.path): no workspace here (no recon.sqlite); `recon init \(directory.path)` creates one"))
    }

    @Test func initNeverOverwritesAWorkspace() throws {
        let workspace = try TestWorkspace()
        try workspace.ok(["import", "invoices", TestPaths.fixture("demo/invoices.csv")])
        let again = try recon(["init", workspace.path])
        #expect(again.status == 73)
        #expect(again.stderr.contains("a workspace already exists here"))
        #expect(try workspace.currency("NOK")["open_items"] as? Int == 28)
    }

    @Test func initWritesACommentedConfigWithTheDefaults() throws {
        let workspace = try TestWorkspace()
        let text = try String(contentsOfFile: workspace.path + "/recon.toml", encoding: .utf8)
        #expect(text == ConfigTemplate.text)
        #expect(text.contains("auto_threshold = 70"))
    }

    @Test func notADatabaseIsRefusedClearly() throws {
        let directory = TemporaryDirectory()
        directory.write("recon.sqlite", "this is not a database, only text long enough to have a header and more")
        let result = try recon(["status", "--workspace", directory.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("not a readable recon workspace"))
    }
}
