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
    /// Creates a folder (owner-only) and the folders above it that are missing. An existing
    /// store folder must be a real folder: a symbolic link in its place would send what
    /// participants give somewhere else, with other permissions, so it is refused.
    static func makeDirectory(_ path: String, storeFolder: Bool = true) throws(StoreError) {
        guard !path.isEmpty else { throw StoreError("an empty path is not a folder; give a folder's name") }
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard !storeFolder, stat(path, &info) == 0 else {
                    throw StoreError("'\(path)' is a symbolic link; Fieldwork writes responses only into real folders, so that they stay where and as private as they seem")
                }
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw StoreError("'\(path)' exists and is not a folder") }
            return
        }
        if let parent = parent(of: path) { try makeDirectory(parent, storeFolder: false) }
        if StoreFaults.call({ mkdir(path, 0o700) }) != 0 && errno != EEXIST { throw .posix("create the folder", path) }
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
        do { return try readRegularFile(path, largest: largestJournal) } catch {
            throw StoreError("cannot read '\(path)': \(error.reason)")
        }
    }

    /// Interview notes can be long; anything larger than this is not a journal or a key.
    static let largestJournal = 64 << 20

    /// Reads a regular file of at most `largest` bytes, never through a symbolic link and never
    /// waiting on a FIFO or a device.
    static func readRegularFile(_ path: String, largest: Int) throws(ReadFailure) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            throw ReadFailure(reason: errno == ELOOP ? .notARegularFile : .unreadable(String(cString: strerror(errno)).lowercased()))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw ReadFailure(reason: .notARegularFile) }
        guard info.st_size <= largest else { throw ReadFailure(reason: .tooLarge) }
        var data = Data(count: Int(info.st_size))
        var used = 0
        while used < data.count {
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + used, $0.count - used) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw ReadFailure(reason: .unreadable(String(cString: strerror(errno)).lowercased())) }
            if n == 0 { break }
            used += n
        }
        data.count = used
        return data
    }

    struct ReadFailure: Error { var reason: SkippedFile.Reason }

    /// Writes a whole file so that a reader sees either nothing or all of it, even after a power cut:
    /// a temporary file beside it, fsync, rename over the name, fsync of the folder.
    static func writeAtomically(_ data: Data, to path: String) throws(StoreError) {
        let folder = parent(of: path) ?? "."
        let temporary = try writeTemporary(data, in: folder)
        guard StoreFaults.call({ rename(temporary, path) }) == 0 else {
            let failure = StoreError.posix("save", path)
            unlink(temporary)
            throw failure
        }
        try syncDirectory(folder)
    }

    /// Writes a whole file under a name only if nothing has that name yet: written beside it and
    /// made durable, then linked to the name (which fails if the name exists, where a rename
    /// would replace it). False when another process got there first.
    static func createExclusively(_ data: Data, at path: String) throws(StoreError) -> Bool {
        let folder = parent(of: path) ?? "."
        let temporary = try writeTemporary(data, in: folder)
        defer { unlink(temporary) }
        if StoreFaults.call({ link(temporary, path) }) != 0 {
            if errno == EEXIST { return false }
            throw .posix("save", path)
        }
        try syncDirectory(folder)
        return true
    }

    /// A new owner-only file in `folder` holding `data`, on disk when this returns; its name
    /// starts with `.tmp-`, which `Recovery` removes if a crash leaves it.
    private static func writeTemporary(_ data: Data, in folder: String) throws(StoreError) -> String {
        let temporary = folder + "/.tmp-" + UUID().uuidString
        let fd = StoreFaults.call { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw .posix("create", temporary) }
        do throws(StoreError) {
            try writeAll(fd, data, path: temporary)
            guard StoreFaults.call({ fsync(fd) }) == 0 else { throw StoreError.posix("save", temporary) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        return temporary
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(StoreError) {
        var failed = false
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n: Int
                switch StoreFaults.next() {
                case .proceed: n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                case .fail: n = -1
                case .short:
                    // A full disk takes part of a write and refuses the rest.
                    let part = max(1, (raw.count - offset) / 2)
                    offset += max(0, write(fd, raw.baseAddress! + offset, part))
                    errno = ENOSPC
                    n = -1
                }
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
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .posix("open the folder", path) }
        defer { close(fd) }
        guard StoreFaults.call({ fsync(fd) }) == 0 else { throw .posix("save the folder", path) }
    }

    static func remove(_ path: String) throws(StoreError) {
        if StoreFaults.call({ unlink(path) }) != 0 && errno != ENOENT { throw .posix("remove", path) }
    }

    /// Sets a file's times to the epoch, so they cannot link it to other files by when it was written.
    static func clearTimes(_ path: String) { setTimes(path, seconds: 0) }

    /// Sets a file's access and modification times (the change time is the kernel's to keep).
    static func setTimes(_ path: String, seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        _ = StoreFaults.call { utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) }
    }

    /// An exclusive lock on a file, released when the returned descriptor is closed.
    static func lock(_ path: String) throws(StoreError) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
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
        fd = StoreFaults.call { open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw .posix("create", path) }
    }

    /// Opens a file to append to, first cutting off a last line left unfinished (by a full
    /// disk or a crash), so that a new line never starts in the middle of a torn one.
    init(appendingTo path: String) throws(StoreError) {
        self.path = path
        fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .posix("open", path) }
        let whole = Self.completeLength(fd)
        if whole < lseek(fd, 0, SEEK_END) {
            guard StoreFaults.call({ ftruncate(fd, whole) }) == 0, StoreFaults.call({ fsync(fd) }) == 0 else {
                let failure = StoreError.posix("repair", path)
                close(fd)
                throw failure
            }
        }
    }

    /// The length of the file up to and including its last line break.
    private static func completeLength(_ fd: Int32) -> off_t {
        var end = lseek(fd, 0, SEEK_END)
        var byte: UInt8 = 0
        while end > 0 {
            guard pread(fd, &byte, 1, end - 1) == 1 else { return end }
            if byte == 0x0A { return end }
            end -= 1
        }
        return 0
    }

    deinit { close(fd) }

    /// Takes an exclusive lock without waiting; false when another process holds it.
    func tryLock() -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

    /// Appends one line and waits until it is on disk. When the line cannot be written whole
    /// (a full disk), the file is cut back to where it was, so that no torn line is left.
    public func append(_ line: Data) throws(StoreError) {
        var data = line
        data.append(0x0A)
        let before = lseek(fd, 0, SEEK_END)
        do throws(StoreError) {
            try StoreIO.writeAll(fd, data, path: path)
            guard StoreFaults.call({ fsync(fd) }) == 0 else { throw .posix("save", path) }
        } catch {
            if before >= 0, ftruncate(fd, before) == 0 { _ = fsync(fd) }
            throw error
        }
    }
}

/// The calendar day, for a session's `today` and for rebuilding a journal that kept none.
public enum StoreClock {
    /// Days since 1970-01-01, in UTC.
    public static func today() -> Int { Int(time(nil)) / 86_400 }
}
