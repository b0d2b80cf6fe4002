import Foundation
import InstrumentModel
import ResponseStore

/// What a de-identified export says it did, in the same words in every format: the options, the
/// date method, the columns left out; never a shift or the key.
extension Deidentifier {
    /// The statement's lines: a title naming the options, one line per change, and where the secrets went.
    static func statement(_ d: Deidentification, leftOut: [String] = []) -> [String] {
        var changes: [String] = []
        if d.dropFreeText {
            changes.append("- free text left out: text, long text and open answers, \"Other\" texts, and calculations that give text"
                           + (leftOut.isEmpty ? "" : " (" + leftOut.joined(separator: ", ") + ")"))
        }
        switch d.dates {
        case .shift:
            changes.append("- dates shifted back by a random number of days, 1 to 364, drawn for each participant and the same for all "
                           + "of a participant's dates (so intervals between them are kept), the start date too and without its time; "
                           + "dates kept to the month are kept to the year")
        case .month: changes.append("- dates kept to the month (those kept to the year stay so), the start date too")
        case .year: changes.append("- dates kept to the year, the start date too")
        case nil: break
        }
        if d.rekey { changes.append("- response ids and pseudonyms replaced by keyed ones new to this export, which match nothing outside it") }
        if d.dropParadata { changes.append("- paradata left out: the duration is empty, and the start date has no time of day") }
        guard !changes.isEmpty else { return [] }
        var lines = ["De-identified (\(d.flags)):"] + changes.enumerated().map { $0.element + ($0.offset == changes.count - 1 ? "." : ";") }
        switch (d.dates == .shift, d.rekey) {
        case (true, true): lines.append("The key behind the shifts and the new ids was drawn at random for this export and kept nowhere.")
        case (true, false): lines.append("The key behind the shifts was drawn at random for this export and kept nowhere.")
        case (false, true): lines.append("The key behind the new ids was drawn at random for this export and kept nowhere.")
        case (false, false): break
        }
        return lines
    }

    /// A short title for labels with a limit (SPSS's file label, 64 bytes; Stata's data label, 80).
    static func title(_ d: Deidentification, limit: Int) -> String {
        let title = "De-identified (\(d.flags))"
        return title.utf8.count <= limit ? title : "De-identified (see the notes)"
    }

    /// Lines cut between words to at most `width` bytes (SPSS keeps 80 bytes of a document line).
    static func wrapped(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { line -> [String] in
            var out: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                let next = current.isEmpty ? String(word) : current + " " + word
                if next.utf8.count > width, !current.isEmpty {
                    out.append(current)
                    current = "  " + word
                } else {
                    current = next
                }
            }
            return out + [current]
        }
    }
}

extension ExportContext {
    /// This export's statement (empty when nothing was de-identified).
    var deidentification: [String] {
        guard let d = deidentifier else { return [] }
        return Deidentifier.statement(d.options, leftOut: deidentifiedLeftOut)
    }

    /// The response as this export writes it: de-identified when asked, otherwise as stored.
    func prepared(_ r: StoredResponse) -> StoredResponse { deidentifier?.response(r) ?? r }

    /// Each response this export writes (`wanted`), as it writes it (`prepared`), in the store's
    /// order; a rekeyed export's in the order of their new ids instead, since in the store's order
    /// (by the real ids) the rows of two exports would line up, and so link, by position. That
    /// order needs every response at hand, so a rekeyed export holds them in memory.
    func eachPrepared(_ body: (StoredResponse) throws -> Void) throws {
        guard let d = deidentifier, d.options.rekey else {
            try folder.each(skipped: skipped.add, replayed: skipped.note) { r in if wanted(r) { try body(prepared(r)) } }
            return
        }
        var all: [StoredResponse] = []
        folder.each(skipped: skipped.add, replayed: skipped.note) { r in if wanted(r) { all.append(d.response(r)) } }
        for r in all.sorted(by: { $0.responseID < $1.responseID }) { try body(r) }
    }

    /// The statement as comment lines at the top of a script.
    func deidentifiedComment(_ marker: String) -> String {
        deidentification.map { "\(marker) \($0)\n" }.joined()
    }
}

extension Exporter {
    /// The note a de-identified export carries beside its files, saying what was done.
    public static let deidentifiedNote = "README-DEIDENTIFIED.txt"
}

/// The statement where each package keeps notes about a dataset, so that it travels with the
/// saved file (`.sav`, `.dta`, the R data frame), not only with the script.
extension SPSSSyntax {
    /// `ADD DOCUMENT` (lines of at most 80 bytes, SPSS's limit) and a `FILE LABEL`.
    static func deidentificationDocument(_ c: ExportContext) -> String {
        guard let d = c.deidentifier?.options else { return "" }
        let lines = Deidentifier.wrapped(c.deidentification, width: 80)
        return "ADD DOCUMENT\n" + lines.map { "  " + spss($0) }.joined(separator: "\n") + ".\n"
            + "FILE LABEL \(spss(Deidentifier.title(d, limit: 64))).\n"
    }
}

extension StataDo {
    /// `label data` and one `note:` per line (`notes` lists them).
    static func deidentificationNotes(_ c: ExportContext) -> String {
        guard let d = c.deidentifier?.options else { return "" }
        return "label data \(stataQuoted(Deidentifier.title(d, limit: 80)))\n"
            + c.deidentification.map { "note: " + stataEscaped(SafeText.escaped($0)) + "\n" }.joined()
    }
}

extension RScript {
    /// The attribute `deidentification` of the data frame.
    static func deidentificationAttribute(_ c: ExportContext) -> String {
        guard !c.deidentification.isEmpty else { return "" }
        return "attr(responses, \"deidentification\") <- c(" + c.deidentification.map(rString).joined(separator: ", ") + ")\n"
    }
}
