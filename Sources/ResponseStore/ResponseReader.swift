import Expressions
import Foundation
import InstrumentModel
import Sealing
import SessionEngine

/// A compiled version of the instrument kept beside its responses.
public struct InstrumentCopy: Sendable {
    public var instrument: Instrument
    /// `sha256:<hex>`, as the responses name it.
    public var hash: String
}

/// An interrupted session's journal, as found in the folder.
public struct StoredJournal: Sendable {
    public var path: String
    public var contents: JournalContents
}

extension InstrumentFolder {
    /// Every interrupted session's journal, in name order; one that cannot be read is passed
    /// to `skipped`. A journal whose response is already written belongs to a completion that a
    /// crash cut short: its session is counted once, by its response, and the next opening of
    /// the folder removes the journal.
    public func journals(skipped: (SkippedFile) -> Void = { _ in }) -> [StoredJournal] {
        StoreIO.list(sessions).filter { $0.hasSuffix(Self.journalSuffix) }.compactMap { name in
            let path = sessions + "/" + name
            let data: Data
            do throws(StoreIO.ReadFailure) {
                data = try StoreIO.readRegularFile(path, largest: StoreIO.largestJournal)
            } catch {
                skipped(SkippedFile(path, error.reason))
                return nil
            }
            let contents: JournalContents?
            switch readJournal(path, data: data) {
            case .success(let read): contents = read
            case .failure(let reason):
                skipped(SkippedFile(path, reason))
                return nil
            }
            guard let contents else {
                // A journal without a whole first line holds nothing yet (a session starting, or
                // a disk full as one did); only a damaged whole line is worth a warning.
                if data.contains(0x0A) { skipped(SkippedFile(path, .damagedJournal)) }
                return nil
            }
            guard !StoreIO.exists(response(responseID: contents.header.responseID)) else { return nil }
            return StoredJournal(path: path, contents: contents)
        }
    }

    /// Every compiled version kept, oldest version first.
    public func instrumentCopies() throws(StoreError) -> [InstrumentCopy] {
        var found: [InstrumentCopy] = []
        for name in StoreIO.list(instruments) {
            guard let hash = Self.hash(ofCopy: name) else { continue }
            guard let data = try? StoreIO.read(instruments + "/" + name),
                  let instrument = try? CompiledInstrument.decode(data) else {
                throw StoreError("the compiled instrument '\(instruments)/\(name)' is damaged")
            }
            found.append(InstrumentCopy(instrument: instrument, hash: hash))
        }
        return found.sorted { VersionOrder.less($0.instrument.version, $1.instrument.version) }
    }

    /// Calls `body` with the name and bytes of each finished response file, in name order, one
    /// at a time in a buffer that is reused, so that memory does not grow with their number; a
    /// file that cannot be read is passed to `skipped`.
    public func eachResponseFile(skipped: (SkippedFile) -> Void = { _ in },
                                 _ body: (UnsafePointer<CChar>, UnsafeRawBufferPointer) throws -> Void) rethrows {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        try ResponseNames(path).inOrder { dir, name in
            var failure: (any Error)?
            let read = FileReading.withContents(at: dir, name, buffer: &buffer, seal: seal) { bytes in
                do { try body(name, bytes) } catch { failure = error }
            }
            if case .failure(let reason) = read { skipped(SkippedFile(path + "/" + String(cString: name), reason)) }
            if let failure { throw failure }
        }
    }
}

/// The responses of one instrument as decoded records: the one reader that status, withdrawal,
/// resume and every exporter use. (The wide CSV reads finished files' bytes with a scanner of its
/// own for speed; it must give the same cells, which the exporters' tests check.)
public struct ResponseReader: Sendable {
    public let folder: InstrumentFolder
    /// Every compiled version kept beside the responses, oldest version first.
    public let instruments: [InstrumentCopy]

    public var path: String { folder.path }

    /// A sealed folder is read with `identity`, which must be its recipient's; without one it
    /// throws, saying what it needs.
    public init(path: String, identity: AgeIdentity? = nil) throws(StoreError) {
        folder = InstrumentFolder(path: path, seal: StoreSeal(identity: identity))
        try folder.checkIdentity(identity)
        instruments = try folder.instrumentCopies()
        guard !instruments.isEmpty else {
            throw StoreError("'\(path)' holds no responses folder of an instrument (no instruments/ inside); give the folder responses/<instrument-id>")
        }
    }

    /// Calls `body` with each response, finished files first (in name order), then interrupted
    /// sessions; every file passed over goes to `skipped`, with why, and every journaled step a
    /// replay could not apply as it is to `replayed`.
    public func each(skipped: (SkippedFile) -> Void = { _ in }, replayed: (ReplayNote) -> Void = { _ in },
                     _ body: (StoredResponse) throws -> Void) rethrows {
        try eachFinished(skipped: skipped, body)
        try eachPartial(skipped: skipped, replayed: replayed, body)
    }

    /// Each finished response (complete or declined).
    public func eachFinished(skipped: (SkippedFile) -> Void = { _ in }, _ body: (StoredResponse) throws -> Void) rethrows {
        try folder.eachResponseFile(skipped: skipped) { name, bytes in
            if let r = StoredResponse.read(bytes) { try body(r) } else { skipped(SkippedFile(path + "/" + String(cString: name), .notAResponse)) }
        }
    }

    /// Each interrupted session, rebuilt on the day it was run, as the record the store would write.
    public func eachPartial(skipped: (SkippedFile) -> Void = { _ in }, replayed: (ReplayNote) -> Void = { _ in },
                            _ body: (StoredResponse) throws -> Void) rethrows {
        for journal in folder.journals(skipped: skipped) {
            guard let instrument = instruments.first(where: { $0.hash == journal.contents.header.hash })?.instrument,
                  let partial = StoredResponse.partial(journal.contents, instrument: instrument, path: journal.path, replayed: replayed)
            else { continue }
            try body(partial)
        }
    }
}
