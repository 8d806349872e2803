import Foundation

/// A small tmpfs mounted for one test (a full disk, a read-only file system), unmounted when the
/// value goes away. Needs root and a kernel that lets this sandbox mount; `isAvailable` says
/// whether it does, and the tests that need one skip otherwise.
public final class TmpfsMount: @unchecked Sendable {
    /// The mount point (a fresh directory).
    public let path: String

    /// Mounts a tmpfs of `size` (`"64k"`), read-only when asked; nil when mounting is not allowed.
    public init?(size: String, readOnly: Bool = false) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("recon-mount-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
        let options = "size=\(size),mode=0755" + (readOnly ? ",ro" : "")
        guard let result = try? runTool("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]), result.status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
    }

    deinit {
        _ = try? runTool("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Remounts read-only (after the test has put its previous result there).
    public func makeReadOnly() -> Bool {
        (try? runTool("/bin/mount", ["-o", "remount,ro", path]))?.status == 0
    }

    /// Whether this machine lets the tests mount a tmpfs.
    public static let isAvailable: Bool = TmpfsMount(size: "4k") != nil
}
