import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the files of a run so that the output directory always holds either the complete
/// previous result or the complete new one — whenever the process is killed, whatever fails.
///
/// Every file goes into a hidden staging directory beside the target (`.NAME.recon-PID-RANDOM`).
/// `commit()` syncs them, hard-links into the staging directory whatever else the target holds
/// (files recon did not write are carried over), and swaps the two directories in one
/// `renameat2(RENAME_EXCHANGE)`; the previous result, now under the staging name, is then removed.
/// Leftovers of killed runs are removed by the next run. Where the swap is impossible — the target
/// is a mount point or holds the working directory, or the kernel or file system cannot exchange —
/// the files are renamed into place one by one instead: each file is then whole, the set is not.
/// `abandon()` (or deinit without commit) removes the staging directory.
public final class OutputDirectory {
    /// The directory as given.
    public let path: String
    /// Where the files end up (symbolic links resolved).
    let target: String
    /// Where they are written first.
    let staging: String
    /// Whether `commit` swaps directories or renames files into place.
    let swapsDirectories: Bool
    private var pending: [(name: String, writer: FileWriter)] = []
    /// `create` may be called from two threads at once (the write phase of `recon reconcile`).
    private let creating = Mutex(())
    private var prepared = false
    private var finished = false

    /// Creates the parents of the directory when missing, and removes what killed runs left.
    public init(path: String) throws {
        self.path = path
        var target = path
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK, let resolved = DirectoryTree.realPath(path) { target = resolved }
            guard stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw WriteError(path: path, message: "not a directory")
            }
        }
        while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
        self.target = target
        let (parent, name) = DirectoryTree.split(target)
        try DirectoryTree.makeDirectories(parent)
        swapsDirectories = DirectoryTree.canSwap(target, parent: parent)
        let tag = "recon-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if swapsDirectories {
            DirectoryTree.removeLeftovers(in: parent, prefix: "." + name + ".recon-")
            staging = parent + "/." + name + "." + tag
        } else {
            try DirectoryTree.makeDirectories(target)
            DirectoryTree.removeLeftovers(in: target, prefix: ".recon-")
            staging = target + "/." + tag
        }
        guard mkdir(staging, 0o755) == 0 else {
            throw WriteError.errno(path, "cannot create a staging directory " + (swapsDirectories ? "beside it" : "in it"))
        }
        if lstat(target, &info) == 0 { chmod(staging, info.st_mode & 0o7777) }
    }

    deinit {
        if !finished { abandon() }
    }

    /// A writer for `name` inside the directory.
    public func create(_ name: String) throws -> FileWriter {
        let file = staging + "/" + name
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError.errno(path + "/" + name, "cannot create") }
        let writer = FileWriter(path: path + "/" + name, descriptor: descriptor)
        creating.withLock { _ in pending.append((name, writer)) }
        return writer
    }

    /// Syncs every file to disk without making any of them appear yet, so that a caller can record
    /// elsewhere (a workspace's database) that the files exist before they do.
    public func prepare() throws {
        guard !prepared else { return }
        for entry in pending { try entry.writer.flushAndStartWriteBack() }
        for entry in pending { try entry.writer.finish() }
        try DirectoryTree.sync(staging, path: path)
        prepared = true
    }

    /// Syncs every file, then makes them the directory's content at once (see the type's comment).
    public func commit() throws {
        try prepare()
        OutputFaults.reach(.written)
        if swapsDirectories {
            try commitBySwap()
        } else {
            try moveIntoPlace(from: staging)
            DirectoryTree.removeTree(staging)
        }
        finished = true
    }

    private func commitBySwap() throws {
        let written = Set(pending.map(\.name))
        var exists = stat()
        guard stat(target, &exists) == 0 else {
            // No previous result: one rename makes the new one appear whole.
            guard rename(staging, target) == 0 else { throw WriteError.errno(path, "cannot rename into place") }
            try DirectoryTree.sync(DirectoryTree.split(target).parent, path: path)
            return
        }
        try DirectoryTree.linkEntries(of: target, into: staging, except: written, path: path)
        try DirectoryTree.sync(staging, path: path)
        OutputFaults.reach(.carriedOver)
        switch DirectoryExchange.exchange(staging, target) {
        case .exchanged:
            try DirectoryTree.sync(DirectoryTree.split(target).parent, path: path)
            OutputFaults.reach(.swapped)
            // The previous result is now at `staging`: whatever could not be linked, or appeared
            // in the meantime, moves over; the rest goes.
            DirectoryTree.moveMissingEntries(from: staging, into: target)
            DirectoryTree.removeTree(staging)
        case .unsupported:
            try moveIntoPlace(from: staging)
            DirectoryTree.removeTree(staging)
        case .failed(let code):
            throw WriteError(path: path, message: "cannot replace the directory: \(String(cString: strerror(code)))")
        }
    }

    /// The fallback: each file written (and, after a failed swap, carried over) is renamed into
    /// the target on its own.
    private func moveIntoPlace(from directory: String) throws {
        for entry in pending where rename(directory + "/" + entry.name, target + "/" + entry.name) != 0 {
            throw WriteError.errno(path + "/" + entry.name, "cannot rename into place")
        }
        try DirectoryTree.sync(target, path: path)
    }

    /// Removes the staging directory of a run that failed; the target is untouched.
    public func abandon() {
        pending.removeAll()
        DirectoryTree.removeTree(staging)
        finished = true
    }
}
