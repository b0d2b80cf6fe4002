import Foundation
import InstrumentModel
import PromptUI
import ResponseStore
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Issue 13 item 3: a participant of a study in several languages chooses theirs on the first
/// screen, each language named in itself, and can change it later from the help key without
/// losing an answer; the choice is a journaled move, and the response keeps the last one.
@Suite struct LanguageChoiceTests {
    static var crisisCafeYAML: String {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../instruments/crisis-cafe-feedback.yaml")
        return (try? String(contentsOf: path, encoding: .utf8)) ?? ""
    }

    static func crisisCafe() throws -> Instrument { try compiled(crisisCafeYAML) }

    /// The language screen is a menu: Down then Enter takes the language under the cursor (it
    /// took the first, English, found trying it in tmux).
    @Test func downThenEnterTakesTheLanguageUnderTheCursor() throws {
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.down), .key(.enter), .endOfInput])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try Self.crisisCafe(), seed: 1, today: 20_000),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time }, offerLanguages: true)
        _ = try runner.run()
        #expect(runner.session.language == "cy")
    }

    @Test func theFirstScreenOffersCymraegAndTheHelpKeySwitchesToEnglishKeepingTheAnswers() throws {
        let events: [TerminalEvent] = [.key(.character("2")), .key(.enter),                          // Cymraeg
                                       .key(.enter),                                                 // the welcome, in Welsh
                                       .key(.character("1")), .key(.enter),                          // Ie
                                       .key(.character("?")), .key(.character("L")),                 // help, then L
                                       .key(.character("1")), .key(.enter),                          // English
                                       .key(.character("3")), .key(.enter),                          // the scale, in English
                                       .key(.enter), .key(.tab),                                     // skip, skip
                                       .key(.enter), .key(.character("x"))]                          // send; close
        let terminal = ScriptedTerminal(columns: 80, rows: 24, events)
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try Self.crisisCafe(), seed: 1, today: 20_000),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time }, offerLanguages: true)
        guard case .completed = try runner.run() else { Issue.record("not completed: \(terminal.screens.last ?? [])"); return }
        let screens = terminal.screens
        let first = try #require(screens.first)
        #expect(Array(first[2...6]) == [" Choose your language", " Dewiswch eich iaith", " ", " ❯ (•) 1 English", "   ( ) 2 Cymraeg"])
        #expect(first[23] == " ↑↓ · 1-2 · Enter")
        #expect(screens.contains { $0.contains(" Pedwar cwestiwn byr am eich ymweliad heddiw. Gallwch hepgor unrhyw un ohonynt.") }, "the welcome in Welsh")
        #expect(screens.contains { $0.contains(" I newid yr iaith, pwyswch ? ac yna L.") }, "the welcome says how to change the language")
        let help = try #require(screens.first { $0[0] == " Bysellau'r sgrin hon" })
        #expect(help.contains(" L  newid iaith"))
        #expect(screens.contains { $0.contains(" How helpful was talking with a peer supporter today?") }, "English after the switch")
        #expect(runner.session.language == "en")
        #expect(runner.session.answers["first_visit"] == Answer(.choice(1)))
        #expect(runner.session.answers["helpful"] == Answer(.choice(3)))
        #expect(recorder.events.filter { if case .language = $0.move { true } else { false } }.map(\.move) == [.language("cy"), .language("en")])

        // The response keeps the language the session ended in; a replay of the journal ends there too.
        let record = try #require(responseRecord(for: runner.session, hash: "sha256:0").withUnsafeBytes { JSON.parse($0) })
        #expect(record["language"]?.string == "en")
        let replayed = Session.rebuilt(instrument: try Self.crisisCafe(), seed: 1, language: "en", today: 20_000, events: recorder.events)
        #expect(replayed.unapplied.isEmpty)
        #expect(replayed.session.language == "en")
        #expect(replayed.session.answers == runner.session.answers)
    }

    @Test func aLanguageMoveIsAJournalLineThatReadsBack() throws {
        let event = SessionEvent(.language("cy"), at: 2.5)
        var w = JSONWriter(compact: true)   // as the journal writes its lines
        event.write(to: &w)
        let line = String(decoding: w.bytes, as: UTF8.self)
        #expect(line == #"{"language":{"at":2.5,"language":"cy"}}"#)
        #expect(try JSONDecoder().decode(SessionEvent.self, from: Data(line.utf8)) == event)
    }

    @Test func aLanguageTheStudyDoesNotOfferIsRefused() throws {
        var session = Session(instrument: try Self.crisisCafe(), seed: 1, today: 0)
        #expect(throws: AnswerProblem("This study is not offered in \"fr\".")) { try session.apply(session.event(.language("fr"), at: 1)) }
        #expect(session.language == "en")
    }

    @Test func withoutTheOfferTheSessionStartsInItsLanguage() throws {
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [])
        var runner = SessionRunner(session: Session(instrument: try Self.crisisCafe(), seed: 1, language: "cy", today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { 0 })
        _ = try runner.run()
        #expect(terminal.screens.first?.contains(" Pedwar cwestiwn byr am eich ymweliad heddiw. Gallwch hepgor unrhyw un ohonynt.") == true)
    }

    @Test func plainModeOffersTheLanguagesAndLChangesIt() throws {
        let lines = ["2", "1", "L", "1", "3", "", "", ""]
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try Self.crisisCafe(), seed: 1, today: 20_000),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time }, offerLanguages: true)
        guard case .completed = try runner.run() else { Issue.record("not completed: \(runner.driver.io.output)"); return }
        let out = runner.driver.io.output
        #expect(out.hasPrefix("""
            Choose your language:
            Dewiswch eich iaith:
              1  English
              2  Cymraeg
            > Caffi argyfwng — eich adborth
            """), "\(out)")
        #expect(out.contains("How helpful was talking with a peer supporter today?"), "\(out)")
        #expect(out.contains("\nI newid yr iaith, teipiwch L.\n"), "the start says how to change the language")
        #expect(runner.session.language == "en")
        #expect(runner.session.answers["first_visit"] == Answer(.choice(1)))
        #expect(runner.session.answers["helpful"] == Answer(.choice(3)))
    }

    /// The welcome says "press ? and then L": there too it works, and the welcome comes again in
    /// the language chosen.
    @Test func theWelcomesHelpChangesTheLanguageAndTheWelcomeComesAgainInIt() throws {
        let events: [TerminalEvent] = [.key(.character("?")), .key(.character("L")), .key(.character("2")), .key(.enter)]
        let terminal = ScriptedTerminal(columns: 80, rows: 24, events)
        let recorder = MemoryRecorder()
        var runner = SessionRunner(session: Session(instrument: try Self.crisisCafe(), seed: 1, language: "en", today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { 1 })
        #expect(try runner.run() == .interrupted)
        let screens = terminal.screens
        #expect(screens.first?.contains(" To change the language, press ? and then L.") == true)
        #expect(screens.last?.contains(" Pedwar cwestiwn byr am eich ymweliad heddiw. Gallwch hepgor unrhyw un ohonynt.") == true, "\(screens.last ?? [])")
        #expect(recorder.events.map(\.move) == [.language("cy")])
    }

    @Test func plainModeChangesTheLanguageAtTheConsentPrompt() throws {
        let yaml = Self.crisisCafeYAML.replacingOccurrences(of: "privacy:", with: "consent: {text: {en: Agree?, cy: Cytuno?}, agree: {en: I agree, cy: Rwy'n cytuno}}\nprivacy:")
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, language: "en", today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: ["L", "2", "1"])), recorder: MemoryRecorder(), clock: { 1 })
        _ = try runner.run()
        let out = runner.driver.io.output
        #expect(out.contains("Type 1 or 2.\n> Choose your language:\nDewiswch eich iaith:\n  1  English\n  2  Cymraeg\n> Caffi argyfwng — eich adborth\n"), "\(out)")
        #expect(out.contains("Cytuno?\n\n  1  Rwy'n cytuno\n  2  Dydw i ddim eisiau cymryd rhan\nTeipiwch 1 neu 2.\n"), "\(out)")
        #expect(runner.session.language == "cy")
        #expect(runner.session.phase != .consent, "then agreed, in Welsh")
    }
}

