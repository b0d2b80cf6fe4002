import Foundation
import InstrumentCompiler
import InstrumentModel
import Testing

/// Issue 14, item 15: the compiled form writes a choice list that several questions share (a
/// choice set) once and copies its bytes. These guard that shortcut: it must give exactly the
/// bytes of writing every list in full.
@Suite struct CanonicalFormTests {
    /// Questions sharing one set, in two sections (the same depth) and in the set itself (another
    /// depth), with an inline list of as many choices written between them, and a set used once.
    private let source = """
        format: 1
        id: shared
        version: 1.0.0
        title: Shared choice lists
        choice_sets:
          agree:
            - {value: 1, label: Disagree}
            - {value: 2, label: Neutral}
            - {value: 3, label: Agree}
          yesno: [Yes, No]
        sections:
          - id: one
            questions:
              - {id: a, type: single, text: A?, choices: agree}
              - {id: b, type: single, text: B?, choices: [Low, Middle, High]}
              - {id: c, type: single, text: C?, choices: agree}
              - {id: d, type: multiple, text: D?, choices: yesno}
          - id: two
            questions:
              - {id: e, type: single, text: E?, choices: agree}
              - {id: f, type: single, text: F?, choices: [Low, Middle, High]}
        """

    @Test func writesSharedChoiceListsAsEveryListInFull() throws {
        let result = InstrumentCompiler.compile(Array(source.utf8))
        #expect(result.diagnostics.isEmpty)
        let compiled = try #require(result.instrument)
        let canonical = try #require(result.canonical)
        // Read back, no two questions share a list's storage, so each is written in full.
        let decoded = try JSONDecoder().decode(Instrument.self, from: canonical)
        #expect(decoded == compiled)
        #expect(String(decoding: decoded.canonicalJSON, as: UTF8.self) == String(decoding: canonical, as: UTF8.self))
        // The lists that are not the set's are their own, at their own place.
        let json = String(decoding: canonical, as: UTF8.self)
        #expect(json.components(separatedBy: "\"label\": \"Middle\"").count == 3)
        #expect(json.components(separatedBy: "\"label\": \"Neutral\"").count == 5)
    }

    @Test func hashesTheBytesAsWrittenToTheHashResponsesStore() throws {
        // The hash is taken from the JSON's bytes as written (no Data copy): it must stay the one
        // responses already hold. This value is what the build before that change gave.
        let result = InstrumentCompiler.compile(Array(source.utf8))
        #expect(result.contentHash == "sha256:9a602478df87df8508dd2b5747fbed21807bdd3052a1e2b66d10f296e24f570e")
        #expect(result.contentHash == CanonicalForm.hash(try #require(result.canonical)))
    }

    @Test func keepingTheTreesUntilExitChangesNothingCompiled() throws {
        // `check` keeps the YAML tree and the decoder's notes for the system to reclaim at exit.
        let bytes = Array(source.utf8) + Array("      - {id: g, type: numbr, text: G?}\n".utf8)
        for text in [Array(source.utf8), bytes] {
            let freed = InstrumentCompiler.compile(text)
            let kept = InstrumentCompiler.compile(text, keepingTrees: true)
            #expect(kept.diagnostics == freed.diagnostics)
            #expect(kept.instrument == freed.instrument)
            #expect(kept.canonical == freed.canonical)
            #expect(kept.contentHash == freed.contentHash)
        }
    }

    @Test func writesAListThatReusesAFreedListsStorageInFull() {
        // A list written from a temporary can be freed, and its storage given to the next list;
        // the writer keeps the list it remembers alive, so the next one is never taken for it.
        var w = JSONWriter()
        w.object { w in
            for (key, label) in [("a", "First"), ("b", "Second")] {
                w.key(key)
                var q = Question(id: key, type: .single)
                q.choices = [Choice(value: 1, label: LocalizedText(label))]
                q.write(to: &w)
            }
        }
        let json = String(decoding: w.bytes, as: UTF8.self)
        #expect(json.contains("\"label\": \"First\""))
        #expect(json.contains("\"label\": \"Second\""))
    }
}
