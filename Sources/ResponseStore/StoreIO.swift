import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A failure of the file system, in words for the person at the keyboard.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    static func posix(_ what: String, _ path: String) -> StoreError {
        let reason = String(cString: strerror(errno)).lowercased()
        return StoreError("cannot \(what) '\(path)': \(reason)")
    }
}

/// Every call the response store makes to the operating system. Data files are created
/// owner-only and made durable with fsync before the caller is told they are written.
enum StoreIO {
    static func makeDirectory(_ path: String) throws(StoreError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError("'\(path)' exists and is not a folder") }
            return
        }
        if let parent = parent(of: path) { try makeDirectory(parent) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw .posix("create the folder", path) }
    }

    /// The folder holding `path`, or nil for a single relative name or the root.
    static func parent(of path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? (trimmed == "/" ? nil : "/") : String(parent)
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func list(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static func read(_ path: String) throws(StoreError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw .posix("read", path) }
        return data
    }

    /// Writes a whole file so that a reader sees either nothing or all of it, even after a power cut:
    /// a temporary file beside it, fsync, rename over the name, fsync of the folder.
    static func writeAtomically(_ data: Data, to path: String) throws(StoreError) {
        let folder = parent(of: path) ?? "."
        let temporary = folder + "/.tmp-" + UUID().uuidString
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .posix("create", temporary) }
        do throws(StoreError) {
            try writeAll(fd, data, path: temporary)
            guard fsync(fd) == 0 else { throw StoreError.posix("save", temporary) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = StoreError.posix("save", path)
            unlink(temporary)
            throw failure
        }
        try syncDirectory(folder)
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(StoreError) {
        var failed = false
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += n
            }
        }
        if failed { throw .posix("write", path) }
    }

    static func syncDirectory(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .posix("open the folder", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .posix("save the folder", path) }
    }

    static func remove(_ path: String) throws(StoreError) {
        if unlink(path) != 0 && errno != ENOENT { throw .posix("remove", path) }
    }

    /// Sets a file's times to the epoch, so they cannot link it to other files by when it was written.
    static func clearTimes(_ path: String) {
        var times = [timespec(tv_sec: 0, tv_nsec: 0), timespec(tv_sec: 0, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    /// An exclusive lock on a file, released when the returned descriptor is closed.
    static func lock(_ path: String) throws(StoreError) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .posix("open the lock", path) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                throw .posix("lock", path)
            }
        }
        return fd
    }

    static func unlock(_ fd: Int32) { close(fd) }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

/// An append-only file whose every line is on disk before `append` returns.
public final class AppendOnlyFile {
    public let path: String
    private let fd: Int32

    init(creating path: String) throws(StoreError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .posix("create", path) }
    }

    init(appendingTo path: String) throws(StoreError) {
        self.path = path
        fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw .posix("open", path) }
    }

    deinit { close(fd) }

    /// Takes an exclusive lock without waiting; false when another process holds it.
    func tryLock() -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

    /// Appends one line and waits until it is on disk.
    public func append(_ line: Data) throws(StoreError) {
        var data = line
        data.append(0x0A)
        try StoreIO.writeAll(fd, data, path: path)
        guard fsync(fd) == 0 else { throw .posix("save", path) }
    }
}

/// The calendar day, for a session's `today` and for rebuilding a journal that kept none.
public enum StoreClock {
    /// Days since 1970-01-01, in UTC.
    public static func today() -> Int { Int(time(nil)) / 86_400 }
}
