import Foundation
import InstrumentModel
import SessionEngine

/// The identifying answers of every finished session (an e-mail for a prize draw), kept in one
/// file, apart from the responses, in an order shuffled anew at each write.
///
/// A file per record linked each to its response: a record's change time (which no program can
/// set) and its inode number followed the response's to the nanosecond. With one file, the only
/// time left is when the file was last rewritten, and the records in it are in random order, so
/// no record can be told apart by when it was added. Each record has a random id of its own,
/// which a completion cut short uses to add it once only.
enum IdentifyingRecords {
    static let formatName = "fieldwork-identifying"

    /// Adds a record (the bytes `ResponseRecord.encodeIdentifying` makes) under `id`, unless a
    /// record with that id is there already; absorbs records of the one-file-per-record layout.
    static func add<R: RandomNumberGenerator>(_ record: Data, id: String, instrumentID: String, in folder: InstrumentFolder,
                                              using random: inout R) throws(StoreError) {
        if folder.seal.recipient != nil {
            return try addSealed(record, id: id, instrumentID: instrumentID, in: folder, using: &random)
        }
        let path = folder.identifyingRecords
        var records: [JSON] = []
        if StoreIO.exists(path) {
            let data = try StoreIO.read(path)
            guard let file = data.withUnsafeBytes({ JSON.parse($0) }), file["format"]?.string == formatName,
                  let stored = file["records"]?.array else {
                throw StoreError("the identifying records '\(path)' are damaged; restore them from your backup before more sessions finish")
            }
            records = stored
        }
        guard !records.contains(where: { $0["id"]?.string == id }) else { return }
        let older = StoreIO.list(folder.identifying).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && $0 != "identifying.json" }
        for name in older {
            if let old = (try? StoreIO.read(folder.identifying + "/" + name)).flatMap({ d in d.withUnsafeBytes { JSON.parse($0) } }),
               case .object(var members) = old {
                members["instrument_id"] = nil
                members["id"] = .string(StoreIO.randomHex(bytes: 16))
                records.append(.object(members))
            }
        }
        guard let new = record.withUnsafeBytes({ JSON.parse($0) }), case .object(var members) = new else { return }
        members["instrument_id"] = nil
        members["id"] = .string(id)
        records.append(.object(members))
        records.shuffle(using: &random)
        let file: JSON = ["format": .string(formatName), "format_version": 1, "instrument_id": .string(instrumentID), "records": .array(records)]
        var w = JSONWriter()
        file.write(to: &w)
        try StoreIO.writeAtomically(Data(w.bytes), to: path)
        StoreIO.clearTimes(path)
        for name in older { try StoreIO.remove(folder.identifying + "/" + name) }
    }

    /// In a sealed folder the runner cannot open the file of records to add to it, so each record
    /// is sealed alone, as `identifying/<id>.age` (in the one file's format, holding one record).
    /// Then every record file is copied afresh, in random order, so that all of them have the same
    /// change time and their inode numbers follow no order: as with the one file, nothing tells
    /// when a record was added, or which response it came with.
    static func addSealed<R: RandomNumberGenerator>(_ record: Data, id: String, instrumentID: String, in folder: InstrumentFolder,
                                                    using random: inout R) throws(StoreError) {
        let path = folder.sealedRecord(id: id)
        guard !StoreIO.exists(path) else { return }
        guard let new = record.withUnsafeBytes({ JSON.parse($0) }), case .object(var members) = new else { return }
        members["instrument_id"] = nil
        members["id"] = .string(id)
        let file: JSON = ["format": .string(formatName), "format_version": 1, "instrument_id": .string(instrumentID), "records": [.object(members)]]
        var w = JSONWriter()
        file.write(to: &w)
        let others = StoreIO.list(folder.identifying).filter { $0.hasSuffix(InstrumentFolder.sealedSuffix) }.shuffled(using: &random)
        try StoreIO.writeAtomically(folder.sealed(Data(w.bytes)), to: path)
        StoreIO.clearTimes(path)
        for name in others {
            let other = folder.identifying + "/" + name
            try StoreIO.writeAtomically(try StoreIO.read(other), to: other)
            StoreIO.clearTimes(other)
        }
    }

    /// Whether a record with `id` is kept.
    static func contains(_ id: String, in folder: InstrumentFolder) -> Bool {
        guard let data = try? StoreIO.read(folder.identifyingRecords),
              let records = data.withUnsafeBytes({ JSON.parse($0) })?["records"]?.array else { return false }
        return records.contains { $0["id"]?.string == id }
    }
}
