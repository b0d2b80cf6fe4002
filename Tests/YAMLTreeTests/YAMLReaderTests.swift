import Testing
import YAMLTree

private func read(_ text: String, limits: YAMLLimits = .standard) -> YAMLDocument {
    YAMLReader.read(Array(text.utf8), limits: limits)
}

private func onlyProblem(_ text: String, limits: YAMLLimits = .standard) -> YAMLProblem? {
    let doc = read(text, limits: limits)
    #expect(doc.problems.count == 1, "\(doc.problems)")
    return doc.problems.first
}

@Suite struct YAMLReaderTests {
    @Test func keepsScalarsAsWrittenWithPositions() throws {
        let doc = read("version: 1.10\nchoices: [Yes, No, 'on']\n")
        guard case .mapping(let m)? = doc.root else { Issue.record("no map"); return }
        guard case .scalar(let version) = m.entries[0].value else { Issue.record("no scalar"); return }
        #expect(version.text == "1.10")
        #expect(version.style == .plain)
        #expect(version.start == Mark(line: 1, column: 10))
        guard case .sequence(let choices) = m.entries[1].value else { Issue.record("no list"); return }
        let texts = choices.items.compactMap { node -> String? in
            if case .scalar(let s) = node { return s.text }
            return nil
        }
        #expect(texts == ["Yes", "No", "on"])
        #expect(choices.items[2].start == Mark(line: 2, column: 20))
    }

    @Test func countsColumnsInCharactersNotBytes() {
        let doc = read("title: Prosper — survey\nid: é\n")
        guard case .mapping(let m)? = doc.root else { Issue.record("no map"); return }
        #expect(m.entries[1].value.start == Mark(line: 2, column: 5))
    }

    @Test func reportsDuplicateKeysWithBothPlaces() {
        let problem = onlyProblem("id: a\ntitle: x\nid: b\n")
        #expect(problem?.kind == .duplicateKey(key: "id", firstAt: Mark(line: 1, column: 1)))
        #expect(problem?.at == Mark(line: 3, column: 1))
        #expect(problem?.message == "the key 'id' appears twice in the same map (first at line 1)")
        #expect(read("id: a\nid: b\n").root != nil, "a duplicate key does not stop reading")
    }

    @Test func reportsATabInIndentation() {
        let problem = onlyProblem("sections:\n\t- id: a\n")
        #expect(problem?.kind == .tab)
        #expect(problem?.at == Mark(line: 2, column: 1))
        #expect(problem?.message == "a tab is used for indentation; YAML needs spaces")
    }

    @Test func reportsInvalidUTF8AtItsPlace() {
        var bytes = Array("id: ok\ntitle: caf".utf8)
        bytes += [0xE9, 0x0A]
        let doc = YAMLReader.read(bytes)
        #expect(doc.root == nil)
        #expect(doc.problems.first?.kind == .invalidUTF8)
        #expect(doc.problems.first?.at == Mark(line: 2, column: 11))
        #expect(doc.problems.first?.message == "the file is not valid UTF-8 text (byte 0xE9 cannot start or continue a character)")
    }

    @Test func reportsAnEmptyFile() {
        for text in ["", "# only a comment\n", "\n\n"] {
            #expect(onlyProblem(text)?.kind == .emptyDocument)
        }
    }

    @Test func refusesASecondDocument() {
        let problem = onlyProblem("id: a\n---\nid: b\n")
        #expect(problem?.kind == .multipleDocuments)
        #expect(problem?.at.line == 2)
    }

    @Test func rewordsSyntaxErrors() {
        let problem = onlyProblem("title: Question: why?\n")
        #expect(problem?.kind == .syntax)
        #expect(problem?.message == "a ':' here starts a new key where none is allowed")
        #expect(problem?.at == Mark(line: 1, column: 16))
        let unclosed = onlyProblem("choices: [a, b\nid: x\n")
        #expect(unclosed?.kind == .syntax)
    }

    @Test func resolvesAliasesAndRejectsUnknownOnes() {
        let doc = read("a: &x [1, 2]\nb: *x\n")
        guard case .mapping(let m)? = doc.root else { Issue.record("no map"); return }
        #expect(m.entries[0].value == m.entries[1].value)
        #expect(onlyProblem("b: *nothing\n")?.kind == .unknownAlias(name: "nothing"))
    }

    @Test func stopsAnAliasBombQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        let problem = onlyProblem(text)
        #expect(problem?.kind == .tooManyNodes)
        #expect(problem?.message == "the file expands to more than 1000000 values (aliases '*' repeat whole parts of it)")
    }

    /// Issue 10, item 16: each node was counted once per enclosing level, so 20,000 one-question
    /// sections "expanded" past the limit and the message blamed aliases the file did not have.
    @Test func countsEachNodeOnceInALargeAliasFreeFile() {
        var text = "sections:\n"
        for i in 0..<20_000 {
            text += "  - id: s\(i)\n    title: Section \(i)\n    questions:\n      - id: q\(i)\n        type: note\n        text: Note \(i)\n"
        }
        let doc = read(text)
        #expect(doc.problems.isEmpty)
        #expect(doc.root != nil)
    }

    @Test func blamesAliasesForTooManyValuesOnlyWhenThereAreAliases() {
        let small = YAMLLimits(maxFileBytes: 1_000_000, maxScalarBytes: 100, maxDepth: 64, maxNodes: 1000)
        let plain = onlyProblem("a: [" + Array(repeating: "x", count: 2000).joined(separator: ", ") + "]\n", limits: small)
        #expect(plain?.kind == .tooManyNodes)
        #expect(plain?.message == "the file holds more than 1000 values")
        #expect(plain?.hint == "an instrument of 10,000 questions holds about 150,000; split this one into several instruments")
        let aliased = onlyProblem("a: &a [" + Array(repeating: "x", count: 100).joined(separator: ", ") + "]\nb: [" + Array(repeating: "*a", count: 20).joined(separator: ", ") + "]\n", limits: small)
        #expect(aliased?.message == "the file expands to more than 1000 values (aliases '*' repeat whole parts of it)")
    }

    @Test func stopsDeepNesting() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let problem = onlyProblem(text)
        #expect(problem?.kind == .tooDeep)
        #expect(problem?.at == Mark(line: 1, column: 65))
        #expect(problem?.message == "lists and maps are nested more than 64 levels deep")
    }

    @Test func refusesOversizedFilesAndScalars() {
        let small = YAMLLimits(maxFileBytes: 100, maxScalarBytes: 10, maxDepth: 64, maxNodes: 1000)
        #expect(onlyProblem(String(repeating: "a", count: 101), limits: small)?.kind == .fileTooLarge)
        let scalar = onlyProblem("title: " + String(repeating: "a", count: 11), limits: small)
        #expect(scalar?.kind == .scalarTooLarge)
        #expect(scalar?.at == Mark(line: 1, column: 8))
    }

    @Test func refusesAMapAsAKey() {
        #expect(onlyProblem("? [a, b]\n: c\n")?.kind == .complexKey)
    }
}
