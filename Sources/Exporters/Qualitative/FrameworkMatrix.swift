import InstrumentModel

/// The framework matrix of thematic analysis: one row per interview, one column per question
/// (per instance, for a repeated one),
/// the notes in the cells, and the case's attributes first (the group's size for discussions).
enum FrameworkMatrix {
    static func write(_ interviews: [Interview], to path: String, instrument: Instrument) throws(ExportError) {
        let questions = instrument.questions.filter { $0.type != .note && $0.type != .calculate && !$0.identifying }
        // A repeated question is a column per instance (`topic_notes_3`): a case stays one row,
        // as framework analysis charts cases against themes, and a `for_each` instance's column
        // holds the same topic in every row, so the analyst reads one topic down a column.
        let structured = Interview.columns(questions.filter { $0.type != .open }, in: instrument)
        let open = Interview.columns(questions.filter { $0.type == .open }, in: instrument)
        let csv = try CSVWriter(path: path)
        // Group discussions say how many took part; a guide never run with a group has no such column.
        let groups = interviews.contains { $0.group != nil }
        try csv.row(["case", "pseudonym", "date", "version", "status"] + (groups ? ["group_size"] : [])
                    + structured.map(\.name) + open.map(\.name))
        for interview in interviews {
            func cell(_ column: (question: Question, key: Int?, name: String)) -> String {
                switch interview.content(column.question.id, key: column.key) {
                case .notes(let turns)?: return CSVWriter.neutralised(turns.map(\.line).joined(separator: "\n"))
                case .answer(let words)?: return CSVWriter.neutralised(words)
                case .skipped?: return "(skipped)"
                case .notAsked?, nil: return ""
                }
            }
            try csv.row([interview.caseName, interview.pseudonym ?? "", interview.date ?? "", interview.version, interview.status]
                        + (groups ? [interview.group.map(String.init) ?? ""] : []) + structured.map(cell) + open.map(cell))
        }
        try csv.close()
    }
}
