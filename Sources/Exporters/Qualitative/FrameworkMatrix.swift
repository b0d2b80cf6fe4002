import InstrumentModel

/// The framework matrix of thematic analysis: one row per interview, one column per question,
/// the notes in the cells, and the case's attributes first (the group's size for discussions).
enum FrameworkMatrix {
    static func write(_ interviews: [Interview], to path: String, instrument: Instrument) throws(ExportError) {
        let questions = instrument.questions.filter { $0.type != .note && $0.type != .calculate && !$0.identifying }
        let structured = questions.filter { $0.type != .open }
        let open = questions.filter { $0.type == .open }
        let csv = try CSVWriter(path: path)
        // Group discussions say how many took part; a guide never run with a group has no such column.
        let groups = interviews.contains { $0.group != nil }
        try csv.row(["case", "pseudonym", "date", "version", "status"] + (groups ? ["group_size"] : [])
                    + structured.map(\.id) + open.map(\.id))
        for interview in interviews {
            let items = Dictionary(interview.sections.flatMap(\.items).map { ($0.question.id, $0.content) }, uniquingKeysWith: { a, _ in a })
            func cell(_ id: String) -> String {
                switch items[id] {
                case .notes(let turns)?: return CSVWriter.neutralised(turns.map(\.line).joined(separator: "\n"))
                case .answer(let words)?: return CSVWriter.neutralised(words)
                case .skipped?: return "(skipped)"
                case .notAsked?, nil: return ""
                }
            }
            try csv.row([interview.caseName, interview.pseudonym ?? "", interview.date ?? "", interview.version, interview.status]
                        + (groups ? [interview.group.map(String.init) ?? ""] : []) + structured.map { cell($0.id) } + open.map { cell($0.id) })
        }
        try csv.close()
    }
}
