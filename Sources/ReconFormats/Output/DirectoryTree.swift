#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX directory operations `OutputDirectory` is made of. None follows a symbolic link:
/// a link in an output directory is carried over or removed as a link.
enum DirectoryTree {
    /// `out/demo` → (`out`, `demo`); `demo` → (`.`, `demo`); `/demo` → (`/`, `demo`).
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Creates `path` and its missing parents.
    static func makeDirectories(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw WriteError(path: path, message: "not a directory") }
            return
        }
        let parent = split(path).parent
        if parent != path && parent != "." && parent != "/" { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError.errno(path, "cannot create directory")
        }
    }

    /// Whether `target` can be swapped with a sibling: not a mount point (a rename across file
    /// systems fails), and not where this process (or a shell that started it) stands.
    static func canSwap(_ target: String, parent: String) -> Bool {
        var targetInfo = stat(), parentInfo = stat()
        guard stat(target, &targetInfo) == 0 else { return true }
        guard stat(parent, &parentInfo) == 0, targetInfo.st_dev == parentInfo.st_dev else { return false }
        guard let here = realPath("."), let resolved = realPath(target) else { return true }
        return here != resolved && !here.hasPrefix(resolved == "/" ? "/" : resolved + "/")
    }

    /// The names in `directory` (without `.` and `..`); empty when it cannot be read.
    static func entries(_ directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes `path` and everything below it; a missing path is fine.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in entries(path) { removeTree(join(path, name)) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Removes the staging directories `PREFIX<pid>-…` in `directory` whose process is gone: what a
    /// killed run left, before or after its swap.
    static func removeLeftovers(in directory: String, prefix: String) {
        for name in entries(directory) where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let process = Int32(pid) else { continue }
            if kill(process, 0) != 0 && errno == ESRCH { removeTree(join(directory, name)) }
        }
    }

    /// Hard-links every entry of `source` except `skipped` into `destination` (directories are
    /// recreated and filled the same way, links copied as links). A file that cannot be linked
    /// (a file system without hard links) is copied; anything else (a socket, a device) is left
    /// for `moveMissingEntries`.
    static func linkEntries(of source: String, into destination: String, except skipped: Set<String>, path: String) throws {
        for name in entries(source) where !skipped.contains(name) {
            try linkTree(join(source, name), join(destination, name), path: path)
        }
    }

    private static func linkTree(_ source: String, _ destination: String, path: String) throws {
        var info = stat()
        guard lstat(source, &info) == 0 else { return }  // gone in the meantime
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if link(source, destination) != 0 { try copyFile(source, destination, mode: info.st_mode & 0o7777, path: path) }
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(source, &buffer, buffer.count - 1)
            guard length >= 0 else { throw WriteError.errno(source, "cannot carry over the link") }
            buffer[length] = 0
            if symlink(buffer, destination) != 0 { throw WriteError.errno(source, "cannot carry over the link") }
        case S_IFDIR:
            guard mkdir(destination, info.st_mode & 0o7777) == 0 else { throw WriteError.errno(source, "cannot carry over the directory") }
            try linkEntries(of: source, into: destination, except: [], path: path)
        default:
            break
        }
    }

    private static func copyFile(_ source: String, _ destination: String, mode: mode_t, path: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw WriteError.errno(source, "cannot carry over") }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard output >= 0 else { throw WriteError.errno(source, "cannot carry over") }
        let writer = FileWriter(path: destination, descriptor: output)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw WriteError.errno(source, "cannot carry over") }
            if count == 0 { break }
            try writer.write(chunk[0..<count])
        }
        try writer.finish()
    }

    /// Renames each entry of `source` that `destination` lacks into it.
    static func moveMissingEntries(from source: String, into destination: String) {
        var info = stat()
        for name in entries(source) where lstat(join(destination, name), &info) != 0 {
            rename(join(source, name), join(destination, name))
        }
    }

    /// Makes a directory's entries durable (fsync of the directory). File systems that cannot sync
    /// a directory (`EINVAL`) are taken at their word.
    static func sync(_ directory: String, path: String) throws {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteError.errno(path, "cannot open the directory to sync it") }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 && errno != EINVAL { throw WriteError.errno(path, "fsync failed") }
    }
}
