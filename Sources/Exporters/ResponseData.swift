import Expressions
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import InstrumentModel
import ResponseStore
import SessionEngine

/// One response as the exporters read it, whether from a finished file or an interrupted journal.
public struct ResponseData {
    public var responseID: String
    public var pseudonym: String?
    public var version: String
    public var hash: String
    public var status: String
    public var language: String?
    public var started: String?
    public var duration: Int?
    /// Answers as stored: codes, lists of codes, numbers, texts, or row maps.
    public var answers: [String: JSON]
    public var other: [String: String]
    public var skipped: Set<String>
    public var calculated: [String: JSON]
    public var simulated: Bool
    /// Interviews: the probes ticked as asked, by question (1-based, as stored).
    public var probesAsked: [String: [Int]] = [:]

    /// Reads a response file; nil for anything that is not one.
    static func read(_ bytes: UnsafeRawBufferPointer) -> ResponseData? {
        guard let o = JSON.parse(bytes),
              o["format"]?.string == "fieldwork-response",
              let version = o["instrument"]?["version"]?.string,
              let hash = o["instrument"]?["hash"]?.string,
              let id = o["response_id"]?.string,
              let status = o["status"]?.string else { return nil }
        return ResponseData(
            responseID: id, pseudonym: o["pseudonym"]?.string, version: version, hash: hash, status: status,
            language: o["language"]?.string, started: o["started"]?.string, duration: o["duration_seconds"]?.int,
            answers: o["answers"]?.object ?? [:], other: (o["other"]?.object ?? [:]).compactMapValues(\.string),
            skipped: Set((o["skipped"]?.array ?? []).compactMap(\.string)), calculated: o["calculated"]?.object ?? [:],
            simulated: o["simulated"]?.bool ?? false,
            probesAsked: (o["probes_asked"]?.object ?? [:]).mapValues { ($0.array ?? []).compactMap(\.int) })
    }

    /// An interrupted session, rebuilt from its journal on the day it was run, as the partial
    /// response the store would write for it; nil if the rebuilt session is not partial.
    static func partial(_ journal: JournalContents, instrument: Instrument) -> ResponseData? {
        let (record, _) = journal.partialRecord(with: instrument, fallbackDay: StoreClock.today())
        return record.withUnsafeBytes { read($0) }
    }
}

/// The responses of one instrument, read one at a time so that memory does not grow with their number.
public struct ResponseFolder {
    public let path: String
    /// Every compiled version kept beside the responses, oldest version first.
    public let instruments: [(instrument: Instrument, hash: String)]

    public init(path: String) throws(ExportError) {
        self.path = path
        let folder = path + "/instruments"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }
        var found: [(Instrument, String)] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                  let instrument = try? CompiledInstrument.decode(data) else {
                throw ExportError("the compiled instrument '\(folder)/\(name)' is damaged")
            }
            found.append((instrument, "sha256:" + name.dropFirst("sha256-".count).dropLast(".json".count)))
        }
        guard !found.isEmpty else {
            throw ExportError("'\(path)' holds no responses folder of an instrument (no instruments/ inside); give the folder responses/<instrument-id>")
        }
        instruments = found.sorted { VersionOrder.less($0.0.version, $1.0.version) }
    }

    /// Calls `body` with each response, finished files first (in name order), then interrupted sessions.
    public func each(_ body: (ResponseData) throws -> Void) rethrows {
        try eachFile { bytes in
            if let r = ResponseData.read(bytes) { try body(r) }
        }
        try eachJournal(body)
    }

    /// Calls `body` with the bytes of each finished response file, in name order.
    func eachFile(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let folder = ResponseNames(path)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        try folder.inOrder { dir, name in
            var failure: (any Error)?
            _ = FileReading.withContents(at: dir, name, buffer: &buffer) { bytes in
                do { try body(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// Calls `body` with each interrupted session, as a partial response.
    func eachJournal(_ body: (ResponseData) throws -> Void) rethrows {
        let sessions = path + "/sessions"
        let journals = ((try? FileManager.default.contentsOfDirectory(atPath: sessions)) ?? []).filter { $0.hasSuffix(".journal") }.sorted()
        for name in journals {
            guard let data = FileManager.default.contents(atPath: sessions + "/" + name),
                  let journal = JournalContents.read(data),
                  let instrument = instruments.first(where: { $0.hash == journal.header.hash })?.instrument else { continue }
            guard let partial = ResponseData.partial(journal, instrument: instrument) else { continue }
            try body(partial)
        }
    }
}

/// Reading a small file into a buffer that is reused, with plain system calls: Foundation's
/// file reading allocated and copied for each of a hundred thousand files.
enum FileReading {
    /// The file `name` in the open folder `dir` (opening relative to the folder spares the kernel
    /// walking the whole path a hundred thousand times).
    static func withContents<T>(at dir: Int32, _ name: UnsafePointer<CChar>, buffer: inout [UInt8], _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        let fd = openat(dir, name, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var used = 0
        while true {
            if used == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let room = buffer.count - used
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, room) }
            if n < 0 { if errno == EINTR { continue } else { return nil } }
            if n == 0 { break }
            used += n
            // A regular file that fills less than the room asked for has ended: no second read.
            if n < room { break }
        }
        return buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<used])) }
    }
}

/// The names of an instrument folder's response files, listed with readdir and kept in name
/// order in little memory: a response id (32 lowercase hex digits) is kept as two 64-bit
/// numbers, whose order is the names' order; any other name is kept as it is.
struct ResponseNames {
    let path: String

    init(_ path: String) { self.path = path }

    /// The `.json` names, in name order, to be opened by number (from several threads at once).
    struct Listing: @unchecked Sendable {
        /// Kept open for the listing's life; closed with it.
        fileprivate let dir: OpaquePointer?
        fileprivate let ids: [(UInt64, UInt64)]
        fileprivate let others: [String]
        /// In name order: an id (by index into `ids`) or another name (by index into `others`, as -1 - i).
        fileprivate let order: [Int32]

        var count: Int { order.count }

        /// Calls `body` with the open folder and the name of the `i`th file.
        func withName(_ i: Int, _ body: (Int32, UnsafePointer<CChar>) -> Void) {
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

        func close() { if let dir { closedir(dir) } }
    }

    /// Lists the folder once; the caller closes the listing.
    func listing() -> Listing {
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
    func inOrder(_ body: (Int32, UnsafePointer<CChar>) throws -> Void) rethrows {
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

public struct ExportError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Orders versions as people number them: 1.9 before 1.10.
enum VersionOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let x = a.split(whereSeparator: { !$0.isNumber && !$0.isLetter })
        let y = b.split(whereSeparator: { !$0.isNumber && !$0.isLetter })
        for (p, q) in zip(x, y) where p != q {
            if let m = Int(p), let n = Int(q) { return m < n }
            return p < q
        }
        return x.count < y.count
    }
}
