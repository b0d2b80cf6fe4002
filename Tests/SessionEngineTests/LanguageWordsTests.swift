import Foundation
import InstrumentModel
import Messages
@testable import SessionEngine
import TestSupport
import Testing

/// The runner's words in the session's language: catalogues, the instrument's overrides, and
/// `invalid_message` for every rule the author sets.
@Suite struct LanguageWordsTests {
    /// An instrument in `languages`, its title in each, with `extra` top-level lines.
    func multilingual(_ questions: String, languages: [String], extra: String = "") throws -> Instrument {
        let title = "{" + languages.map { "\($0): T" }.joined(separator: ", ") + "}"
        let indented = questions.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        return try compiled("format: 1\nid: t\nversion: 1.0.0\nlanguages: [\(languages.joined(separator: ", "))]\ntitle: \(title)\n\(extra)sections:\n  - id: s\n    questions:\n\(indented)\n")
    }

    @Test func anOverrideReplacesExactlyTheStringItNamesInItsLanguage() throws {
        let top = "messages:\n  press_enter_to_continue: {cy: Pwyswch Enter i fynd ymlaen}\n  saved: Diolch yn fawr!\n"
        let instrument = try multilingual("- {id: a, type: note, text: {en: Hi, cy: Helo}}", languages: ["en", "cy"], extra: top)
        let welsh = ParticipantWords.forLanguage("cy", overrides: instrument.messages)
        let plainWelsh = ParticipantWords.forLanguage("cy")
        let english = ParticipantWords.forLanguage("en", overrides: instrument.messages)
        for key in Catalogues.english.keys.sorted() {
            switch key {
            case "press_enter_to_continue":
                #expect(welsh.message(key) == "Pwyswch Enter i fynd ymlaen")
                #expect(english.message(key) == "Press Enter to continue.", "a Welsh override leaves English alone")
            case "saved":
                #expect(welsh.message(key) == "Diolch yn fawr!")
                #expect(english.message(key) == "Diolch yn fawr!", "an untranslated override counts in every language")
            default:
                #expect(welsh.message(key, count: 2) == plainWelsh.message(key, count: 2), "\(key)")
                #expect(english.message(key, count: 2) == ParticipantWords.forLanguage("en").message(key, count: 2), "\(key)")
            }
        }
        let s = Session(instrument: instrument, seed: 1, language: "cy", today: today)
        #expect(s.words.pressEnterToContinue == "Pwyswch Enter i fynd ymlaen")
        #expect(s.words.saved == "Diolch yn fawr!")
        #expect(s.words.declined == plainWelsh.declined)
    }

    @Test func welshAndSpanishRefuseInTheirOwnWordsAndNumbers() throws {
        let questions = """
            - {id: n, type: number, text: {en: N?, cy: N?, es: N?}, min: 1.5, max: 2000.25, decimals: 2}
            - {id: t, type: text, text: {en: T?, cy: T?, es: T?}, max_length: 3}
            - {id: d, type: number, text: {en: D?, cy: D?, es: D?}, decimals: 2}
            """
        let three = try multilingual(questions, languages: ["en", "cy", "es"])
        var es = Session(instrument: three, seed: 1, language: "es", today: today)
        #expect(problem { try es.answer(Answer(.number(1)), at: 1) } == "Escriba un número entre 1,5 y 2000,25.")
        #expect(es.words.limits(for: try #require(es.current), today: today) == "Un número con hasta 2 decimales entre 1,5 y 2000,25.")
        #expect(problem { try es.answer(Answer(.number(1.555)), at: 1) } == "Use como máximo 2 decimales.")
        try es.answer(Answer(.number(2)), at: 1)
        #expect(problem { try es.answer(Answer(.text("abcd")), at: 2) } == "Escriba como máximo 3 caracteres (ahora hay 4).")
        #expect(es.words.number("1.500,5") == .success(1500.5))
        #expect(es.words.tooLong(max: 100_000, length: 100_001) == "Escriba como máximo 100.000 caracteres (ahora hay 100.001).")
        #expect(es.words.noSuchDay(day: 30, month: 2, year: 2025) == "No existe el 30 de febrero de 2025. Revise la fecha.")

        var cy = Session(instrument: three, seed: 1, language: "cy", today: today)
        #expect(problem { try cy.answer(Answer(.number(1)), at: 1) } == "Rhowch rif o 1.5 i 2000.25.")
        #expect(cy.words.limits(for: try #require(cy.current), today: today) == "Rhif gyda hyd at 2 le degol o 1.5 i 2000.25.")
        #expect(cy.words.atMostDecimals(1) == "Defnyddiwch 1 lle degol ar y mwyaf.")
        #expect(cy.words.noSuchDay(day: 30, month: 2, year: 2025) == "Does dim 30 Chwefror yn 2025. Gwiriwch y dyddiad.")
        #expect(cy.words.typingHelp(for: try #require(cy.current)) == "Teipiwch rif o 1.5 i 2000.25.")
    }

    @Test func aValueHoldingBracesIsShownAsItIs() {
        #expect(ParticipantWords.forLanguage("en").cannotCombine("{label} and {max}") == "\"{label} and {max}\" cannot be combined with other choices.")
        #expect(ParticipantWords.forLanguage("en").numberBetween("{max}", "{min}") == "Please enter a number from {max} to {min}.")
        #expect(ParticipantWords.forLanguage("es").tooLong(max: 2, length: 3) == "Escriba como máximo 2 caracteres (ahora hay 3).")
    }

    @Test func englishPluralsAgreeWithTheirCount() {
        let en = ParticipantWords.forLanguage("en")
        #expect(en.putInOrder(1) == "Please put 1 option in order.")
        #expect(en.putInOrder(3) == "Please put 3 options in order.")
        #expect(en.tooLong(max: 100_000, length: 123_456) == "Please keep this to 100,000 characters or fewer (it is 123,456).")
    }

    /// One `invalid_message` stands for every rule the author set on the answer.
    @Test func invalidMessageSaysEveryBrokenRule() throws {
        var s = try session("""
            - {id: code, type: text, text: Code?, pattern: "[A-Z]{2}[0-9]", invalid_message: Two capitals and a digit; for example AB1.}
            - {id: short, type: text, text: Short?, max_length: 3, invalid_message: Three letters at most.}
            - {id: n, type: number, text: N?, min: 1, max: 5, invalid_message: From one to five.}
            - {id: m, type: multiple, text: M?, choices: [a, b, c], max: 1, invalid_message: Just one.}
            - {id: w, type: number, text: W?, decimals: 0, invalid_message: Not shown for a decimal.}
            """)
        #expect(problem { try s.answer(Answer(.text("ab1")), at: 1) } == "Two capitals and a digit; for example AB1.")
        try s.answer(Answer(.text("AB1")), at: 1)
        #expect(problem { try s.answer(Answer(.text("four")), at: 2) } == "Three letters at most.")
        try s.answer(Answer(.text("two")), at: 2)
        #expect(problem { try s.answer(Answer(.number(6)), at: 3) } == "From one to five.")
        try s.answer(Answer(.number(5)), at: 3)
        #expect(problem { try s.answer(Answer(.choices([1, 2])), at: 4) } == "Just one.")
        try s.answer(Answer(.choices([1])), at: 4)
        #expect(problem { try s.answer(Answer(.number(1.5)), at: 5) } == "Please enter a whole number.", "the type's own rule keeps its words")
    }

    /// The crisis café survey in Welsh: every runner string the engine gives for it, at every
    /// question and in every refusal tried, holds no sentence of the English catalogue.
    @Test func crisisCafeInWelshHasNoEnglishRunnerText() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../instruments/crisis-cafe-feedback.yaml")
        let instrument = try compiled(try String(contentsOf: path, encoding: .utf8))
        var s = Session(instrument: instrument, seed: 1, language: "cy", today: today)
        var said: [String] = [s.words.saved, s.words.declined, s.words.savedForLater, s.words.keyBack, s.words.keyLeave,
                              s.words.keySkip, s.words.keyClose, s.words.required, s.words.personal(typing: true),
                              s.words.personal(typing: false), s.words.eachStatement, s.words.typeOneOrTwo, s.words.notTakingPart,
                              s.words.progress(1, of: 4), s.words.leavePrompt, s.words.windowTooSmall]
        var time = 0.0
        while let q = s.current {
            time += 1
            said += [s.words.typingHelp(for: q), s.words.limits(for: q, today: today)].compactMap { $0 }
            for bad in [Answer(.choice(99)), Answer(.text(String(repeating: "x", count: 1001))), Answer(.number(1))] {
                if let p = problem({ var copy = s; try copy.answer(bad, at: time) }) { said.append(p) }
            }
            if let p = problem({ var copy = s; try copy.back(at: time) }) { said.append(p) }
            try s.skip(at: time)
        }
        #expect(said.count > 25)
        let english = Self.englishSentences()
        for text in said {
            for sentence in english where text.contains(sentence) {
                Issue.record("English runner text \"\(sentence)\" in Welsh: \(text)")
            }
        }
    }

    /// The literal pieces of every English message (between its placeholders) of two words or more.
    static func englishSentences() -> Set<String> {
        var out: Set<String> = []
        for text in Catalogues.english.messages.values {
            var rest = Substring(text)
            while !rest.isEmpty {
                let end = rest.firstIndex(of: "{") ?? rest.endIndex
                let piece = rest[..<end].trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
                if piece.split(separator: " ").count >= 2 { out.insert(piece) }
                rest = end == rest.endIndex ? "" : rest[(rest[end...].firstIndex(of: "}").map { rest.index(after: $0) } ?? rest.endIndex)...]
            }
        }
        return out
    }
    /// The widgets' key help, ready for the screens: English as the widgets word it today.
    @Test func widgetKeysReadAsTheWidgetsDoAndTranslate() {
        let en = ParticipantWords.forLanguage("en")
        #expect(en.choiceKeys(multiple: false, byValue: false, numbers: "1-4") == "↑↓ move · Space or 1-4 choose · Backspace clears · Enter next")
        #expect(en.choiceKeys(multiple: true, byValue: false, numbers: nil) == "↑↓ move · Space tick · Backspace clears · Enter next")
        #expect(en.choiceKeys(multiple: false, byValue: true, numbers: nil) == "↑↓ move · Space or a number choose · Backspace clears · Enter next")
        #expect(en.interviewNoteKeys(.open, hasProbes: false).compactMap { $0 }.joined(separator: " · ")
                == "Enter keep paragraph · Tab next · Shift-Tab previous · Ctrl-O outline · Ctrl-X end · Ctrl-C leave")
        let es = ParticipantWords.forLanguage("es")
        #expect(es.choiceKeys(multiple: false, byValue: true, numbers: nil) == "↑↓ mover · Espacio o un número elegir · Retroceso borra · Enter siguiente")
        #expect(ParticipantWords.forLanguage("cy").interviewGroup(4) == "Grŵp o 4: P1 i P4, F ar gyfer yr hwylusydd; dechreuwch gyfraniad gyda 3: neu F:")
    }
}
