import GRDB

/// The workspace's tables, created and changed only by migrations (GRDB's `DatabaseMigrator`).
///
/// The migrations applied are recorded in the file (`grdb_migrations`), and `PRAGMA user_version`
/// holds their count — the schema version — so that `sqlite3 recon.sqlite 'pragma user_version'`
/// tells which recon wrote it. A file with migrations this recon does not know is refused before
/// anything is read or written.
enum Schema {
    /// The migrations, oldest first. Never change a released one: add a new one.
    static let migrations: [(id: String, sql: String)] = [
        ("v1-workspace", SchemaV1.sql),
    ]

    static var version: Int { migrations.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.id) { db in
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA user_version = \(index + 1)")
            }
        }
        return migrator
    }

    /// Refuses a newer file; applies the missing migrations (each in its own transaction) to an
    /// older or a new one. A current file is only read.
    static func prepare(_ queue: DatabaseQueue, path: String) throws {
        let migrator = migrator
        let (superseded, complete, applied, fileVersion) = try queue.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db),
             try migrator.appliedIdentifiers(db), try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
        if superseded {
            let known = Set(migrations.map(\.id))
            throw WorkspaceError.newerSchema(path: path, fileVersion: fileVersion, knownVersion: version,
                                             unknown: applied.filter { !known.contains($0) }.sorted())
        }
        if !complete { try migrator.migrate(queue) }
    }
}
