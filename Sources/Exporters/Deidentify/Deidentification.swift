/// What a de-identified export leaves out or changes, as asked on the command line
/// (`--deidentify`, or the finer `--drop-free-text`, `--dates`, `--rekey`, `--drop-paradata`).
///
/// Modelled on REDCap's de-identification options (remove free text, shift or coarsen dates,
/// hash the record ids), with one difference that matters here: every secret behind a change is
/// drawn afresh for each export and kept nowhere, so two datasets exported apart cannot be linked
/// through anything Fieldwork made.
public struct Deidentification: Sendable, Equatable {
    /// How dates are made less identifying.
    public enum DateMethod: String, CaseIterable, Sendable {
        /// Back by a random number of days (1 to 364), the same for every date of one participant
        /// within the export, so that intervals (an age at an event, the days between two visits)
        /// are kept.
        case shift
        /// To the month (`2024-05`), or the year where a date was already kept to the year.
        case month
        /// To the year (`2024`).
        case year
    }

    /// Leave out free text: text, long text and open answers, "Other" texts, and calculations that give text.
    public var dropFreeText = false
    /// Shift or coarsen every date (answers, calculated dates, the start date); nil leaves them.
    public var dates: DateMethod?
    /// Replace response ids and pseudonyms with ones keyed afresh for this export.
    public var rekey = false
    /// Leave out paradata: the duration, and per question timing, returns and seed.
    public var dropParadata = false

    public init(dropFreeText: Bool = false, dates: DateMethod? = nil, rekey: Bool = false, dropParadata: Bool = false) {
        self.dropFreeText = dropFreeText
        self.dates = dates
        self.rekey = rekey
        self.dropParadata = dropParadata
    }

    /// `--deidentify`: every option at its safe default, dates shifted.
    public static let all = Deidentification(dropFreeText: true, dates: .shift, rekey: true, dropParadata: true)

    /// Nothing asked: the export is as stored.
    public var isEmpty: Bool { self == Deidentification() }

    /// The options as they are written on the command line, for the export's own statement.
    public var flags: String {
        if self == .all { return "--deidentify" }
        return ((dropFreeText ? ["--drop-free-text"] : []) + (dates.map { ["--dates " + $0.rawValue] } ?? [])
                + (rekey ? ["--rekey"] : []) + (dropParadata ? ["--drop-paradata"] : [])).joined(separator: " ")
    }

    /// Why these options cannot be used with `format`, in words (the command line refuses it as
    /// wrong use, the library as an export error); nil when they can.
    ///
    /// For transcripts, the framework matrix and REFI-QDA the free text is the data: leaving it out
    /// leaves nothing, and no pattern finds every name in an interview, so they are refused rather
    /// than given a false sense of safety.
    public func refusal(for format: ExportFormat) -> String? {
        guard !isEmpty else { return nil }
        if format.isQualitative {
            return "--format \(format.rawValue) cannot be de-identified: its free text is the data, and no option "
                + "can make a transcript safe; remove names and details from the notes by hand"
        }
        if format == .paradata, dropParadata {
            return "--format paradata exports the paradata that --drop-paradata (part of --deidentify) leaves out; "
                + "export it without that option, or not at all"
        }
        return nil
    }
}
