import Foundation
import InstrumentModel
import Messages
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// The literal pieces of every English catalogue message (between its placeholders) of two
/// words or more: what a participant reading another language must never see.
func englishRunnerSentences() -> Set<String> {
    var out: Set<String> = []
    for text in Catalogues.english.messages.values {
        for piece in text.split(whereSeparator: { $0 == "{" || $0 == "}" }) {
            let trimmed = piece.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            if trimmed.split(separator: " ").count >= 2 { out.insert(trimmed) }
        }
    }
    return out
}

/// The English sentences a text shows as whole words ("↑↓ move" is not in Spanish "↑↓ mover").
func englishRunnerSentences(in shown: String) -> [String] {
    englishRunnerSentences().sorted().filter { sentence in
        var rest = shown[...]
        while let found = rest.range(of: sentence) {
            let before = found.lowerBound == shown.startIndex ? nil : shown[shown.index(before: found.lowerBound)]
            let after = found.upperBound == shown.endIndex ? nil : shown[found.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            rest = shown[found.upperBound...]
        }
        return false
    }
}

/// Issue 13: every frame of a full-screen session in Welsh (and in Spanish) is in that language,
/// from the welcome to the closing screen, help overlay, leave prompt and mistakes included.
@Suite struct FullScreenLanguageTests {
    func run(_ yaml: String, language: String, _ events: [TerminalEvent]) throws -> (frames: [[String]], session: Session, outcome: SessionOutcome) {
        let terminal = ScriptedTerminal(columns: 160, rows: 40, events)
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, language: language, today: 20_000),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        let outcome = try runner.run()
        return (terminal.screens, runner.session, outcome)
    }

    func expectNoEnglish(_ frames: [[String]], sourceLocation: SourceLocation = #_sourceLocation) {
        let shown = frames.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        for sentence in englishRunnerSentences(in: shown) {
            Issue.record("English runner text \"\(sentence)\" on a screen:\n\(shown)", sourceLocation: sourceLocation)
        }
    }

    @Test func theCrisisCafeInWelshShowsNoEnglishOnAnyScreen() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../instruments/crisis-cafe-feedback.yaml")
        let yaml = try String(contentsOf: path, encoding: .utf8)
        let events: [TerminalEvent] = [.key(.character("?")), .key(.character("x")), .key(.enter),   // welcome, its help
                                       .key(.character("1")), .key(.enter),                          // single
                                       .key(.ctrl("c")), .key(.character("n")),                      // the leave prompt, stay
                                       .key(.character("?")), .key(.character("x")),                 // a question's help
                                       .key(.character("3")), .key(.enter),                          // scale
                                       .key(.enter)]                                                 // skip
            + keys("Mwy o de") + [.key(.tab),                                                        // long text
                                  .key(.enter), .key(.character("x"))]                               // send from the review; close
        let (frames, session, outcome) = try run(yaml, language: "cy", events)
        guard case .completed = outcome else { Issue.record("not completed: \(frames.last ?? [])"); return }
        #expect(session.answers["comment"]?.value == .text("Mwy o de"))
        let all = frames.map { $0.joined(separator: "\n") }
        #expect(all.contains { $0.contains("Bysellau'r sgrin hon") }, "the help overlay")
        #expect(all.contains { $0.contains("Gadael nawr?") }, "the leave prompt")
        #expect(all.contains { $0.contains("Gwiriwch eich atebion cyn eu hanfon") }, "the review")
        #expect(all.contains { $0.contains("Mae eich atebion wedi'u cadw. Diolch.") }, "the closing screen")
        #expect(all.contains { $0.contains("1 o 4") }, "the progress")
        expectNoEnglish(frames)
    }

    static let spanish = """
        format: 1
        id: bilingue
        version: 1.0.0
        languages: [en, es]
        title: {en: Our service, es: Nuestro servicio}
        description: {en: A few questions., es: Unas preguntas.}
        support: {en: Call 0800 000 000., es: Llame al 0800 000 000.}
        consent: {text: {en: We keep your answers., es: Guardamos sus respuestas.}, agree: {en: I agree, es: Acepto}}
        end: {en: Thanks., es: Gracias.}
        sections:
          - id: s
            title: {en: About you, es: Sobre usted}
            questions:
              - {id: intro, type: note, text: {en: Let us start., es: Empecemos.}}
              - id: where
                type: single
                text: {en: Where did you hear of us?, es: ¿Dónde nos conoció?}
                choices: [{value: 1, label: {en: Radio, es: Radio}}, {value: 2, label: {en: A friend, es: Un amigo}}]
                other: true
              - id: what
                type: multiple
                text: {en: What did you use?, es: ¿Qué utilizó?}
                choices: [{value: 1, label: {en: Advice, es: Consejo}}, {value: 2, label: {en: Food, es: Comida}}]
                max: 2
              - id: how
                type: scale
                text: {en: How good was it?, es: ¿Qué tal fue?}
                choices: [{value: 1, label: {en: Bad, es: Malo}}, {value: 2, label: {en: Fair, es: Regular}}, {value: 3, label: {en: Good, es: Bueno}}]
              - id: grid
                type: matrix
                text: {en: Please rate, es: Valore}
                rows: [{id: staff, text: {en: Staff, es: Personal}}, {id: room, text: {en: Room, es: Sala}}]
                choices: [{value: 1, label: {en: Poor, es: Mal}}, {value: 2, label: {en: Fine, es: Bien}}]
              - id: order
                type: ranking
                text: {en: Put in order, es: Ordene}
                choices: [{value: 1, label: {en: Price, es: Precio}}, {value: 2, label: {en: Place, es: Lugar}}]
              - {id: visits, type: number, text: {en: How many visits?, es: ¿Cuántas visitas?}, min: 0, max: 10, required: true}
              - {id: when, type: date, text: {en: When did you first come?, es: ¿Cuándo vino por primera vez?}}
              - {id: town, type: text, text: {en: Your town, es: Su ciudad}, sensitive: true}
              - {id: more, type: long_text, text: {en: Anything else?, es: ¿Algo más?}, max_length: 200}
        """

    @Test func aBilingualSurveyInSpanishShowsNoEnglishOnAnyScreen() throws {
        let events: [TerminalEvent] = [.key(.character("?")), .key(.character("x")),                 // consent's help
                                       .key(.character("1")), .key(.enter),                          // agree
                                       .key(.enter),                                                 // note
                                       .key(.enter), .key(.enter), .key(.enter), .key(.enter),       // skip four
                                       .key(.ctrl("c")), .key(.character("n")),                      // stay
                                       .key(.enter)]                                                 // ranking skipped
            + keys("99") + [.key(.enter),                                                            // refused: 0 to 10
                            .key(.backspace), .key(.backspace)] + keys("5") + [.key(.enter),
                            .key(.character("?")), .key(.f1), .key(.character("x")),                 // date: ? typed, F1 help
                            .key(.backspace), .key(.enter),
                            .key(.enter), .key(.enter),                                              // text, long text
                            .key(.enter), .key(.character("x"))]                                     // send; close
        let (frames, session, outcome) = try run(Self.spanish, language: "es", events)
        guard case .completed = outcome else { Issue.record("not completed: \(frames.last ?? [])"); return }
        #expect(session.answers["visits"]?.value == .number(5))
        let all = frames.map { $0.joined(separator: "\n") }
        #expect(all.contains { $0.contains("Escriba un número entre 0 y 10.") }, "the refusal")
        #expect(all.contains { $0.contains("Teclas de esta pantalla") }, "the help overlay")
        #expect(all.contains { $0.contains("¿Salir ahora?") }, "the leave prompt")
        #expect(all.contains { $0.contains("Revise sus respuestas antes de enviarlas.") }, "the review")
        #expect(all.contains { $0.contains("Sus respuestas se han guardado. Gracias.") }, "the closing screen")
        expectNoEnglish(frames)
    }

    @Test func theBilingualSurveyInSpanishPlainModeHoldsNoEnglish() throws {
        // Agree; the note; Other, said; two ticked; the scale; a matrix row and one left; ranking
        // skipped; a number refused then given; help; the rest skipped; send.
        let lines = ["1", "", "3", "algo", "1 2", "2", "1", "", "", "99", "5", "?", "", "", "", ""]
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.spanish), seed: 1, language: "es", today: 20_000),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        guard case .completed = try runner.run() else { Issue.record("not completed: \(runner.driver.io.output)"); return }
        let shown = runner.driver.io.output
        #expect(runner.session.answers["where"] == Answer(.choice(3), other: "algo"))
        #expect(runner.session.answers["visits"]?.value == .number(5))
        #expect(shown.contains("Escriba un número entre 0 y 10. Escriba ? para pedir ayuda."))
        #expect(shown.contains("  1. ¿Dónde nos conoció? Su respuesta: Otro (especifique): algo\n"), "what Other is, said back")
        #expect(shown.contains("Pregunta 1 de 9"), "the note is not counted")
        for sentence in englishRunnerSentences(in: shown) {
            Issue.record("English runner text \"\(sentence)\" in the Spanish transcript:\n\(shown)")
        }
    }

    static let welshGuide = """
        format: 1
        id: canllaw
        version: 1.0.0
        kind: interview
        languages: [en, cy]
        title: {en: Peer work guide, cy: Canllaw gwaith cymheiriaid}
        consent: {text: {en: Read the sheet., cy: Darllenwch y daflen.}, agree: {en: The participant agrees, cy: Mae'r cyfranogwr yn cytuno}}
        sections:
          - id: about
            title: {en: About you, cy: Amdanoch chi}
            minutes: 1
            questions:
              - id: role
                type: single
                text: {en: What is your role?, cy: Beth yw eich rôl?}
                choices: [{value: 1, label: {en: Peer worker, cy: Gweithiwr cymheiriaid}}, {value: 2, label: {en: Supervisor, cy: Goruchwyliwr}}]
              - id: day
                type: open
                text: {en: Tell me about a typical day., cy: Dywedwch wrthyf am ddiwrnod arferol.}
                instructions: {en: Let them tell it their own way., cy: Gadewch iddynt ei ddweud yn eu ffordd eu hunain.}
                probes: [{en: How did you start?, cy: Sut wnaethoch chi ddechrau?}, {en: What is hardest?, cy: Beth sydd anoddaf?}]
                minutes: 1
        """

    /// The interviewer's screen in Welsh: outline, probes, budgets over time, a speaker outside
    /// the group, the end and leave prompts.
    @Test func theInterviewersScreenInWelshShowsNoEnglish() throws {
        let events: [TerminalEvent] = keys("1") + [.key(.enter),                                   // consent
                                                   .key(.tab),                                      // past the role
                                                   .key(.ctrl("p")), .key(.character("7")),        // no such probe
                                                   .key(.character("1"))]                          // ticked
            + keys("5: helo") + [.key(.enter), .key(.ctrl("u"))]                                    // not in the group
            + keys("2: helo") + [.key(.enter),
                                 .key(.ctrl("o")), .key(.escape),                                   // the outline
                                 .key(.ctrl("x")), .key(.character("n")),                           // end? no
                                 .key(.ctrl("c")), .key(.character("y"))]                           // leave
        let terminal = ScriptedTerminal(columns: 100, rows: 30, events)
        let start = terminal.script.count
        let clock = { Double(start - terminal.script.count) * 20 }
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.welshGuide), seed: 1, language: "cy", today: 20_000),
                                   driver: InterviewScreen(terminal: terminal, style: Style(color: false), clock: clock, group: 4),
                                   recorder: MemoryRecorder(), clock: clock)
        #expect(try runner.run() == .interrupted)
        let frames = terminal.screens
        let all = frames.map { $0.joined(separator: "\n") }
        #expect(all.contains { $0.contains("Mae'r cwestiynau ychwanegol wedi'u rhifo o 1 i 2.") }, "the probe refused")
        #expect(all.contains { $0.contains("Dydy P5 ddim yn y grŵp hwn") }, "the speaker refused")
        #expect(all.contains { $0.contains("Gorffen y cyfweliad nawr?") }, "the end prompt")
        #expect(all.contains { $0.contains("Gadael nawr?") }, "the leave prompt")
        #expect(all.contains { $0.contains("dros amser") }, "a budget overrun")
        expectNoEnglish(frames)
    }
}

