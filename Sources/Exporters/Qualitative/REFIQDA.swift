import Crypto
import Foundation
import InstrumentModel
import Wording

/// A REFI-QDA project (`.qdpx`: `project.qde` and the sources), which NVivo, ATLAS.ti, MAXQDA
/// and QualCoder import: each interview a text source and a case with its attributes, and each
/// question's notes pre-coded with a code named after its section and question. In a group
/// discussion each speaker (P1 to PN, F) is a case too, holding their turns.
struct REFIQDAProject {
    let instrument: Instrument
    let interviews: [Interview]

    /// GUIDs are derived from what they name, so the same responses give the same project.
    private func guid(_ parts: String...) -> String { guid(parts) }

    private func guid(_ parts: [String]) -> String {
        let digest = SHA256.hash(data: Data((["fieldwork", instrument.id] + parts).joined(separator: "\u{1F}").utf8))
        let hex = digest.prefix(16).map { String(format: "%02x", $0) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    /// The archive's bytes.
    func archive() -> Data {
        var archive = ZipWriter()
        let transcripts = interviews.map { Transcript($0, style: .plain) }
        archive.add("project.qde", Data(projectXML(transcripts).utf8))
        for (interview, transcript) in zip(interviews, transcripts) {
            archive.add("Sources/\(guid("source", interview.responseID)).txt", Data(transcript.text.utf8))
        }
        return archive.finished()
    }

    func projectXML(_ transcripts: [Transcript]) -> String {
        let language = instrument.languages.first
        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        x += "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"\(MarkupText.escape(instrument.title.text(in: language)))\" origin=\"Fieldwork\">\n"

        // Codes: a section, and its questions with notes.
        x += "  <CodeBook>\n    <Codes>\n"
        for section in instrument.sections {
            let open = section.questions.filter { $0.type == .open }
            guard !open.isEmpty else { continue }
            let sectionName = codeName(section.title?.text(in: language), section) ?? section.id
            x += "      <Code guid=\"\(guid("code", section.id))\" name=\"\(MarkupText.escape(sectionName))\" isCodable=\"true\">\n"
            for q in open {
                let name = sectionName + " / " + Codebook.short(codeName((q.label ?? q.text)?.text(in: language), section) ?? q.id)
                x += "        <Code guid=\"\(guid("code", section.id, q.id))\" name=\"\(MarkupText.escape(name))\" isCodable=\"true\">"
                x += "<Description>\(MarkupText.escape(codeName(q.text?.text(in: language), section) ?? q.id))</Description></Code>\n"
            }
            x += "      </Code>\n"
        }
        // Who spoke: each turn of a named speaker is coded facilitator or participant (the
        // speakers themselves are cases, since P1 of one group is not P1 of another).
        if hasSpeakers {
            x += "      <Code guid=\"\(guid("code", "speakers"))\" name=\"Speakers\" isCodable=\"false\">\n"
            x += "        <Code guid=\"\(guid("code", "speakers", "F"))\" name=\"Speakers / Facilitator (F)\" isCodable=\"true\"/>\n"
            x += "        <Code guid=\"\(guid("code", "speakers", "P"))\" name=\"Speakers / Participant (P1 to PN)\" isCodable=\"true\"/>\n"
            x += "      </Code>\n"
        }
        x += "    </Codes>\n  </CodeBook>\n"

        // Attributes of the cases: the date, version and status, and the structured answers.
        // A repeated question's answers are a variable per instance, named as the matrix's columns.
        let structured = Interview.columns(instrument.questions.filter { $0.type != .open && $0.type != .note && $0.type != .calculate && !$0.identifying },
                                           in: instrument)
        x += "  <Variables>\n"
        let groups = interviews.contains { $0.group != nil }
        for (name, type) in [("date", "Date"), ("version", "Text"), ("status", "Text")] + (groups ? [("group_size", "Integer")] : []) {
            x += "    <Variable guid=\"\(guid("variable", name))\" name=\"\(name)\" typeOfVariable=\"\(type)\"/>\n"
        }
        for (q, key, name) in structured {
            x += "    <Variable guid=\"\(variableGUID(q.id, key))\" name=\"\(MarkupText.escape(name))\" typeOfVariable=\"\(Self.type(of: q))\">"
            x += "<Description>\(MarkupText.escape((q.label ?? q.text)?.text(in: language) ?? q.id))</Description></Variable>\n"
        }
        x += "  </Variables>\n"

        x += "  <Cases>\n"
        for interview in interviews {
            x += "    <Case guid=\"\(guid("case", interview.responseID))\" name=\"\(MarkupText.escape(interview.caseName))\">\n"
            if let date = interview.date { x += value(guid("variable", "date"), "DateValue", date) }
            x += value(guid("variable", "version"), "TextValue", interview.version)
            x += value(guid("variable", "status"), "TextValue", interview.status)
            if let group = interview.group { x += value(guid("variable", "group_size"), "IntegerValue", String(group)) }
            for (q, key, _) in structured {
                guard case .answer(let words)? = interview.content(q.id, key: key) else { continue }
                let kind = Self.type(of: q)
                // An xsd:dateTime has seconds; with no zone it is the local time, as the answer is.
                x += value(variableGUID(q.id, key), kind + "Value", kind == "DateTime" ? words + ":00" : words)
            }
            x += "      <SourceRef targetGUID=\"\(guid("source", interview.responseID))\"/>\n"
            x += "    </Case>\n"
        }
        // A case per speaker of a group discussion, holding that speaker's turns.
        for (interview, transcript) in zip(interviews, transcripts) {
            for speaker in interview.speakers {
                let description = (speaker == "F" ? "The facilitator" : "Participant \(speaker)") + " of \(interview.caseName)"
                    + (interview.group.map { " (a group of \($0))" } ?? "")
                x += "    <Case guid=\"\(guid("case", interview.responseID, speaker))\" name=\"\(MarkupText.escape(interview.caseName + " " + speaker))\">\n"
                x += "      <Description>\(MarkupText.escape(description))</Description>\n"
                x += "      <SourceRef targetGUID=\"\(guid("source", interview.responseID))\"/>\n"
                for turn in transcript.turnSpans where turn.speaker == speaker {
                    x += "      <SelectionRef targetGUID=\"\(turnGUID(interview, turn))\"/>\n"
                }
                x += "    </Case>\n"
            }
        }
        x += "  </Cases>\n"

        x += "  <Sources>\n"
        for (interview, transcript) in zip(interviews, transcripts) {
            let source = guid("source", interview.responseID)
            x += "    <TextSource guid=\"\(source)\" name=\"\(MarkupText.escape(interview.caseName))\" plainTextPath=\"internal://\(source).txt\">\n"
            for span in transcript.spans {
                // An instance's notes are a selection of their own, named with the instance, coded to the question's code.
                let ids = [interview.responseID, span.question.id] + (span.instance.map { [String($0)] } ?? [])
                let name = span.question.id + (span.label.map { " (\($0))" } ?? "")
                x += "      <PlainTextSelection guid=\"\(guid(["selection"] + ids))\" name=\"\(MarkupText.escape(name))\" "
                x += "startPosition=\"\(span.start)\" endPosition=\"\(span.end)\">\n"
                x += "        <Coding guid=\"\(guid(["coding"] + ids))\"><CodeRef targetGUID=\"\(guid("code", span.section.id, span.question.id))\"/></Coding>\n"
                x += "      </PlainTextSelection>\n"
            }
            for turn in transcript.turnSpans {
                let role = turn.speaker == "F" ? "F" : "P"
                x += "      <PlainTextSelection guid=\"\(turnGUID(interview, turn))\" name=\"\(MarkupText.escape(turn.question.id + " " + turn.speaker))\" "
                x += "startPosition=\"\(turn.start)\" endPosition=\"\(turn.end)\">\n"
                x += "        <Coding guid=\"\(guid(["coding", interview.responseID, turn.question.id, String(turn.index)] + (turn.instance.map { ["instance", String($0)] } ?? [])))\"><CodeRef targetGUID=\"\(guid("code", "speakers", role))\"/></Coding>\n"
                x += "      </PlainTextSelection>\n"
            }
            x += "    </TextSource>\n"
        }
        x += "  </Sources>\n</Project>\n"
        return x
    }

    private var hasSpeakers: Bool { interviews.contains { !$0.speakers.isEmpty } }

    private func turnGUID(_ interview: Interview, _ turn: Transcript.Turn) -> String {
        guid(["selection", interview.responseID, turn.question.id, String(turn.index)] + (turn.instance.map { ["instance", String($0)] } ?? []))
    }

    /// A repeated question's variable is one per instance; a question asked once keeps its own.
    private func variableGUID(_ id: String, _ key: Int?) -> String {
        guid(["variable", "q", id] + (key.map { [String($0)] } ?? []))
    }

    /// A code names the question for every instance: a `for_each` repeat's `{x.label}` becomes
    /// "…", and a title that was only the label gives way to the section's id (nil).
    private func codeName(_ text: String?, _ section: Section) -> String? {
        guard let text, let forEach = section.repeat?.forEach else { return text }
        let name = text.replacingOccurrences(of: "{\(forEach).label}", with: "…")
        return name.trimmingCharacters(in: .whitespaces) == "…" ? nil : name
    }

    private func value(_ variable: String, _ element: String, _ text: String) -> String {
        "      <VariableValue><VariableRef targetGUID=\"\(variable)\"/><\(element)>\(MarkupText.escape(text))</\(element)></VariableValue>\n"
    }

    /// REFI-QDA's kind of attribute for a question's answer (choices are kept as their labels).
    static func type(of q: Question) -> String {
        switch q.type {
        case .number: return (q.decimals ?? 0) == 0 ? "Integer" : "Float"
        case .date: return (q.precision ?? .day) == .day ? "Date" : "Text"
        // REFI-QDA has no time of day: a time is its text, "09:05".
        case .datetime: return "DateTime"
        default: return "Text"
        }
    }
}
