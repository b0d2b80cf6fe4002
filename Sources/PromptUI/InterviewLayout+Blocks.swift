import InstrumentModel
import SessionEngine

/// A repeated block inside a guide's section (`- block:`), compiled as parts of that section
/// (the block, marked `within` it, and the questions after it, `s~2`): the interviewer sees one
/// section, its title and minutes once, with the block's instances named under it.
extension InterviewLayout {
    /// The compiled section a question or slot is asked in: a block's for its instances' slots,
    /// a part's for the questions after a block.
    static func partOf(_ id: String, _ session: Session) -> Section? {
        if let another = Slot.anotherOf(id) { return session.instrument.sections.first { $0.id == another.section } }
        return session.instrument.section(containing: Slot.question(of: id))
    }

    /// The section as written that a question belongs to: its part's `within`, or its own.
    static func sectionID(of id: String, _ session: Session) -> String? {
        partOf(id, session).map { $0.within ?? $0.id }
    }

    /// Whether the section has parts (holds a block): its clock then counts all of them.
    static func hasParts(_ section: Section, _ session: Session) -> Bool {
        session.instrument.sections.contains { $0.within == section.id }
    }

    /// A block's instance as named under its section: the block's title (piped in the instance),
    /// the choice's label when the title does not say it, then its place ("Money · 2 of 3",
    /// "Roles — Peer worker · 2 of 3", "Number 2" while more may follow).
    static func blockInstanceName(_ block: Section, asked id: String, _ session: Session) -> String {
        let title = session.render(block.title, asked: id).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let c = session.instanceCaption(of: id) else { return title.isEmpty ? block.id : title }
        let count = session.words.instancePlace(c.number, of: c.total)
        let name = [title, c.label ?? ""].filter { !$0.isEmpty }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return name.isEmpty ? count : name.joined(separator: " — ") + " · " + count
    }

    /// The title of a section as written, without an instance (a part's heading is its section's).
    static func plainName(_ section: Section, asked id: String, _ session: Session) -> String {
        let title = session.render(section.title, asked: id)
        return title.isEmpty ? section.id : title
    }
}
