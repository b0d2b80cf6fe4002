import Foundation
import InstrumentModel
import YAMLTree

extension InstrumentDecoder {
    /// A section's `validated:` map: the source (required), the licence, and the fingerprint that
    /// locks the wording. `check` gives the fingerprint to record when there is none, and warns
    /// when the questions no longer match it: a validated measure is valid only as published,
    /// and Fieldwork does not ship the text of one the evaluator includes, so it keeps its print.
    mutating func validatedBlock(_ node: Node, section: String, questions: [Question], at key: Mark) -> ValidatedBlock? {
        guard let map = MapReader(node, owner: "'validated' in section '\(section)'", expected: "a map with 'source', 'licence' and 'fingerprint'",
                                  diagnostics: &diagnostics) else { return nil }
        map.rejectUnknown(allowed: ["source", "licence", "fingerprint"], diagnostics: &diagnostics)
        let source = map.require("source", diagnostics: &diagnostics, hint: "name where the measure is published, such as 'Tennant and colleagues (2007)'")
            .flatMap { string($0, what: "source") }
        let licence = map["licence"].flatMap { string($0, what: "licence") }
        let recorded = map["fingerprint"].flatMap { string($0, what: "fingerprint") }
        guard let source else { return nil }
        let now = Self.fingerprint(questions)
        if let recorded, recorded != now, let at = map["fingerprint"]?.start {
            diagnostics.warning(.scaleChanged,
                                "this section changes the validated block '\(section)' (\(source)): its wording, options or order differ from the fingerprint recorded, \(recorded); it is now \(now)",
                                hint: "a validated measure is valid only as published: restore its text, or record the new fingerprint if the new text is the validated one",
                                at: at, length: recorded.count)
        } else if recorded == nil {
            diagnostics.warning(.fingerprintMissing,
                                "the validated block '\(section)' has no fingerprint to lock its wording; record it under 'validated:' as fingerprint: \(now)",
                                hint: "once recorded, check warns whenever a wording, an option or the order of the questions changes",
                                at: key, length: "validated".count)
        }
        return ValidatedBlock(source: source, licence: licence, fingerprint: recorded)
    }

    /// What a validated block is judged by, in order: each question's id and type, its text and
    /// help in every language, its choices (code and label) and matrix rows. Conditions and
    /// layout are left out: they do not change what the participant reads.
    static func fingerprint(_ questions: [Question]) -> String {
        struct Item: Encodable {
            var id: String
            var type: String
            var text: LocalizedText?
            var help: LocalizedText?
            var choices: [[String: LocalizedText]]
            var rows: [MatrixRow]?
        }
        let items = questions.map { q in
            Item(id: q.id, type: q.type.rawValue, text: q.text, help: q.help,
                 choices: (q.choices ?? []).map { [String($0.value): $0.label] }, rows: q.rows)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(items)) ?? Data()
        return String(CanonicalForm.hash(data).dropFirst("sha256:".count).prefix(16))
    }
}
