import Crypto
import Dispatch
import Foundation
import InstrumentModel
import ResponseStore

extension ExportContext {
    /// One response per line, as JSON.
    func writeJSONL() throws(ExportError) -> ([String], Int) {
        let file = path("responses.jsonl")
        guard FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: file) else { throw ExportError("cannot write '\(file)'") }
        var buffer = Data()
        var count = 0
        let instances = InstanceObjects(codebook)
        do {
            try eachPrepared { r in
                var object: [String: JSON] = [
                    "response_id": .string(r.responseID), "instrument_version": .string(r.version), "instrument_hash": .string(r.hash),
                    "status": .string(r.status.rawValue), "answers": .object(r.answers), "other": .object(r.other.mapValues(JSON.string)),
                    "skipped": .array(r.skipped.sorted().map(JSON.string)), "calculated": .object(r.calculated),
                ]
                // A repeated section's answers, an object per instance (`InstanceObjects`).
                object["repeats"] = instances.json(r)
                object["pseudonym"] = r.pseudonym.map(JSON.string)
                object["language"] = r.language.map(JSON.string)
                object["date"] = r.started.map(JSON.string)
                object["duration_seconds"] = r.duration.map { .number(Double($0)) }
                if r.simulated { object["simulated"] = .bool(true) }
                // Safeguarding rules fired: for the team following its protocol, never a CSV column (see the reference).
                if !r.safeguarding.isEmpty {
                    object["safeguarding"] = .array(r.safeguarding.map { f in
                        var o: [String: JSON] = ["rule": .string(f.rule), "question": .string(f.question)]
                        o["instance"] = f.instance.map { .number(Double($0)) }
                        return .object(o)
                    })
                }
                var line = JSONWriter(compact: true)
                JSON.object(object).write(to: &line)
                buffer.append(contentsOf: line.bytes)
                buffer.append(0x0A)
                count += 1
                if buffer.count > 1 << 16 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch {
            throw ExportError("cannot write '\(file)': \(error)")
        }
        return ([file], count)
    }
}
