import Foundation
import Sealing
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A file passed over by a reader, and why, so that no file is left out in silence.
public struct SkippedFile: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "'\(path)' was not read: \(reason)" }
}

/// Reading a small file into a buffer that is reused, with plain system calls: Foundation's
/// file reading allocated and copied for each of a hundred thousand files.
public enum FileReading {
    /// The largest response file read; a response is a few kilobytes, interview notes a few
    /// hundred, so anything larger is not one (a link to /dev/zero, say).
    public static let largest = 16 << 20

    /// The file `name` in the open folder `dir` (opening relative to the folder spares the kernel
    /// walking the whole path a hundred thousand times). Only a regular file of at most `largest`
    /// bytes is read, never through a symbolic link, and never waiting (a FIFO would block).
    /// A sealed file (an age file) is opened with `seal`'s identity, and `body` sees its plaintext.
    public static func withContents<T>(at dir: Int32, _ name: UnsafePointer<CChar>, buffer: inout [UInt8], seal: StoreSeal = StoreSeal(),
                                       _ body: (UnsafeRawBufferPointer) -> T) -> Result<T, SkippedFile.Reason> {
        let fd = openat(dir, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            return .failure(errno == ELOOP ? .notARegularFile : .unreadable(String(cString: strerror(errno)).lowercased()))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notARegularFile) }
        guard info.st_size <= largest else { return .failure(.tooLarge) }
        var used = 0
        while true {
            if used == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let room = buffer.count - used
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, room) }
            if n < 0 { if errno == EINTR { continue } else { return .failure(.unreadable(String(cString: strerror(errno)).lowercased())) } }
            if n == 0 { break }
            used += n
            if used > largest { return .failure(.tooLarge) }
            // A regular file that fills less than the room asked for has ended: no second read.
            if n < room { break }
        }
        return buffer.withUnsafeBytes { whole in
            let bytes = UnsafeRawBufferPointer(rebasing: whole[0..<used])
            guard Age.isSealed(bytes) else { return .success(body(bytes)) }
            return seal.open(bytes).map { plain in plain.withUnsafeBytes { body($0) } }
        }
    }
}

extension SkippedFile {
    /// Why a file was passed over, in words for the person reading the warning.
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        case notARegularFile, tooLarge, unreadable(String), notAResponse, damagedJournal
        /// Sealed, and read without an identity; or sealed and not opened by the one given.
        case sealed, unopenable(String)

        public var description: String {
            switch self {
            case .notARegularFile: "it is not a regular file (a link, a folder or a device)"
            case .tooLarge: "it is larger than \(FileReading.largest >> 20) MiB, which no response is"
            case .unreadable(let why): "it cannot be read (\(why))"
            case .notAResponse: "it is not a Fieldwork response (damaged, cut short, or not JSON)"
            case .damagedJournal: "it is not a journal Fieldwork can read (its first line is damaged)"
            case .sealed: "it is sealed; give the study's identity with --identity FILE"
            case .unopenable(let why): "it is sealed and cannot be opened: \(why)"
            }
        }
    }

    public init(_ path: String, _ reason: Reason) { self.init(path: path, reason: reason.description) }
}

/// The names of an instrument folder's response files, listed with readdir and kept in name
/// order in little memory: a response id (32 lowercase hex digits) is kept as two 64-bit
/// numbers, whose order is the names' order; any other name is kept as it is.
public struct ResponseNames: Sendable {
    public let path: String

    public init(_ path: String) { self.path = path }

    /// The `.json` names, in name order, to be opened by number (from several threads at once).
    public struct Listing: @unchecked Sendable {
        /// Kept open for the listing's life; closed with it.
        fileprivate let dir: OpaquePointer?
        fileprivate let ids: [(UInt64, UInt64)]
        fileprivate let others: [String]
        /// In name order: an id (by index into `ids`) or another name (by index into `others`, as -1 - i).
        fileprivate let order: [Int32]

        public var count: Int { order.count }

        /// Calls `body` with the open folder and the name of the `i`th file.
        public func withName(_ i: Int, _ body: (Int32, UnsafePointer<CChar>) -> Void) {
            guard let dir else { return }
            let entry = Int(order[i])
            if entry >= 0 {
                var name = [CChar](repeating: 0, count: 38)
                ResponseNames.write(ids[entry], into: &name)
                body(dirfd(dir), name)
            } else {
                others[-1 - entry].withCString { body(dirfd(dir), $0) }
            }
        }

        public func close() { if let dir { closedir(dir) } }
    }

    /// Lists the folder once; the caller closes the listing.
    public func listing() -> Listing {
        guard let dir = opendir(path) else { return Listing(dir: nil, ids: [], others: [], order: []) }
        var ids: [(UInt64, UInt64)] = []
        var others: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            guard name.hasSuffix(".json") else { continue }
            if let id = Self.id(name) { ids.append(id) } else { others.append(name) }
        }
        ids.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        others.sort()
        // Merge the two sorted lists by name.
        var order: [Int32] = []
        order.reserveCapacity(ids.count + others.count)
        var o = 0
        var name = [CChar](repeating: 0, count: 38)
        for (i, id) in ids.enumerated() {
            if o < others.count {
                Self.write(id, into: &name)
                let text = String(decoding: name.prefix(37).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                while o < others.count, others[o] < text {
                    order.append(Int32(-1 - o))
                    o += 1
                }
            }
            order.append(Int32(i))
        }
        while o < others.count {
            order.append(Int32(-1 - o))
            o += 1
        }
        return Listing(dir: dir, ids: ids, others: others, order: order)
    }

    /// Calls `body` with the open folder and each `.json` name, in name order.
    public func inOrder(_ body: (Int32, UnsafePointer<CChar>) throws -> Void) rethrows {
        let listing = listing()
        defer { listing.close() }
        for i in 0..<listing.count {
            var failure: (any Error)?
            listing.withName(i) { dir, name in
                do { try body(dir, name) } catch { failure = error }
            }
            if let failure { try { throw failure }() }
        }
    }

    static func id(_ name: String) -> (UInt64, UInt64)? {
        let bytes = Array(name.utf8)
        guard bytes.count == 37 else { return nil }
        var parts: (UInt64, UInt64) = (0, 0)
        for (i, c) in bytes.prefix(32).enumerated() {
            let digit: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(c - UInt8(ascii: "a") + 10)
            default: return nil
            }
            if i < 16 { parts.0 = parts.0 << 4 | digit } else { parts.1 = parts.1 << 4 | digit }
        }
        return parts
    }

    static func write(_ id: (UInt64, UInt64), into name: inout [CChar]) {
        let hex = Array("0123456789abcdef".utf8)
        for i in 0..<16 {
            name[i] = CChar(bitPattern: hex[Int(id.0 >> (60 - 4 * UInt64(i)) & 0xF)])
            name[16 + i] = CChar(bitPattern: hex[Int(id.1 >> (60 - 4 * UInt64(i)) & 0xF)])
        }
        for (i, c) in ".json".utf8.enumerated() { name[32 + i] = CChar(bitPattern: c) }
        name[37] = 0
    }
}

