import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine

extension ExportContext {
    /// Paradata as a tidy CSV, apart from the answers: one row per response and question of the
    /// presentation order (shuffles rebuilt from the response's seed), with the seconds spent on
    /// it, the visits, the order its choices were shown in, how many times a soft check there was
    /// confirmed, and the response's returns and seed.
    /// Identifying questions are left out, as the store leaves out their timing.
    func writeParadata() throws(ExportError) -> ([String], Int) {
        let file = path("paradata.csv")
        let csv = try CSVWriter(path: file, bom: options.excel)
        try csv.row(["response_id", "instrument_version", "status", "seed", "returns", "position", "question", "type",
                     "visits", "seconds", "choice_order", "confirmed"])
        let instruments = Dictionary(folder.instruments.map { ($0.instrument.version, $0.instrument) }, uniquingKeysWith: { a, _ in a })
        var count = 0
        do {
            try eachPrepared { r in
                guard let instrument = instruments[r.version] else { return }
                // A seed is as unique as an id: a rekeyed export leaves it out (the order it made is kept).
                let seed = deidentifier?.options.rekey == true ? "" : r.seed.map(String.init) ?? ""
                count += 1
                // A session built only for its order: the order and the shuffles depend on the seed alone.
                let session = r.seed.map { Session(instrument: instrument, seed: $0, language: r.language, today: 0) }
                let questions = instrument.questionsByID
                let order = session?.order ?? instrument.sections.flatMap { $0.questions.filter { !$0.type.isNeverAsked }.map(\.id) }
                var position = 0
                for id in order {
                    guard let q = questions[id] else { continue }
                    position += 1
                    if q.identifying { continue }
                    let t = r.timing[id]
                    let choices = q.type.hasChoices && q.type != .scale
                        ? session.map { $0.choiceOrder(q).map { String($0.value) }.joined(separator: " ") } ?? "" : ""
                    try csv.row([r.responseID, r.version, r.status.rawValue, seed, r.returns.map(String.init) ?? "",
                                 session == nil ? "" : String(position), id, q.type.rawValue,
                                 String(t?.visits ?? 0), t.map { NumberText.canonical($0.seconds) } ?? "0", choices,
                                 String(r.softConfirmed[id] ?? 0)])
                }
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError("\(error)")
        }
        try csv.close()
        return ([file], count)
    }
}
