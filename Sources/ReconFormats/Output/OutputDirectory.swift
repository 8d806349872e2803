#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a set of output files so that none is ever seen half-written: each goes to a temporary
/// file beside its final name, and only `commit()` renames them into place — after every file was
/// written and synced. `abandon()` (or deinit without commit) removes the temporaries.
public final class OutputDirectory {
    public let path: String
    private var pending: [(temporary: String, final: String, writer: FileWriter)] = []
    private var committed = false
    private var prepared = false

    /// Creates the directory (and its parents) when missing.
    public init(path: String) throws {
        self.path = path
        try OutputDirectory.makeDirectories(path)
    }

    deinit {
        if !committed { abandon() }
    }

    /// A writer for `name` inside the directory.
    public func create(_ name: String) throws -> FileWriter {
        let final = path + "/" + name
        let temporary = path + "/." + name + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError.errno(temporary, "cannot create") }
        let writer = FileWriter(path: temporary, descriptor: descriptor)
        pending.append((temporary, final, writer))
        return writer
    }

    /// Syncs every file to disk without renaming any into place yet, so that a caller can record
    /// elsewhere (a workspace's database) that the files exist before they appear.
    public func prepare() throws {
        guard !prepared else { return }
        for entry in pending { try entry.writer.finish() }
        prepared = true
    }

    /// Syncs every file, then renames each into place, then syncs the directory.
    public func commit() throws {
        try prepare()
        for entry in pending where rename(entry.temporary, entry.final) != 0 {
            throw WriteError.errno(entry.final, "cannot rename into place")
        }
        committed = true
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    /// Removes the temporaries of a run that failed.
    public func abandon() {
        for entry in pending { unlink(entry.temporary) }
        pending.removeAll()
    }

    static func makeDirectories(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw WriteError(path: path, message: "not a directory") }
            return
        }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && Glibc.errno != EEXIST {
            throw WriteError.errno(path, "cannot create directory")
        }
    }
}
