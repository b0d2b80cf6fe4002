import Foundation
import Testing
@testable import Messages

/// The catalogue files, and their copy embedded in the binary.
@Suite struct CatalogueFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Messages/Catalogues").standardized
    static let embedded = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Messages/EmbeddedCatalogues.swift").standardized

    static func files() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".messages") }.sorted()
            .map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The generated source: each file's text whole, as a raw string literal.
    static func source(_ files: [(name: String, text: String)]) -> String {
        var out = """
        // Generated from Catalogues/*.messages by CatalogueFileTests; do not edit.
        // Regenerate with: FIELDWORK_RECORD_GOLDEN=1 swift test --filter CatalogueFileTests
        enum EmbeddedCatalogues {
            static let files: [String: String] = [

        """
        for file in files { out += "        \"\(file.name)\": #\"\"\"\n\(file.text)\"\"\"#,\n" }
        return out + "    ]\n}\n"
    }

    @Test func embeddedCataloguesAreTheFiles() throws {
        let files = try Self.files()
        for file in files {
            #expect(!file.text.contains("\"\"\"#"), "\(file.name) holds the end of a raw string")
            #expect(file.text.hasSuffix("\n"), "\(file.name) ends without a line break")
        }
        let wanted = Self.source(files)
        if ProcessInfo.processInfo.environment["FIELDWORK_RECORD_GOLDEN"] == "1" {
            try wanted.write(to: Self.embedded, atomically: false, encoding: .utf8)
            return
        }
        let actual = try String(contentsOf: Self.embedded, encoding: .utf8)
        #expect(actual == wanted, "EmbeddedCatalogues.swift is out of date: run FIELDWORK_RECORD_GOLDEN=1 swift test --filter CatalogueFileTests")
        #expect(EmbeddedCatalogues.files.keys.sorted() == files.map(\.name))
    }

    @Test func everyFileReadsAndNamesItsLanguage() throws {
        for file in try Self.files() {
            switch MessageCatalogue.parse(file.text) {
            case .success(let c): #expect(file.name == c.language + ".messages")
            case .failure(let problem): Issue.record("\(file.name) \(problem)")
            }
        }
        #expect(Catalogues.all.keys.sorted() == ["cy", "en", "es"])
    }

    /// Every catalogue has exactly English's keys, each with English's placeholders, and every
    /// plural message in every plural form of its own language.
    @Test func everyCatalogueHasEveryKeyOfEnglish() throws {
        let english = Catalogues.english
        #expect(english.keys.count > 100)
        for file in try Self.files() {
            guard case .success(let c) = MessageCatalogue.parse(file.text) else { continue }
            #expect(english.keys.subtracting(c.keys).sorted() == [], "\(c.language) lacks keys")
            #expect(c.keys.subtracting(english.keys).sorted() == [], "\(c.language) has keys English lacks")
            for key in english.keys.sorted() where c.keys.contains(key) {
                #expect(c.placeholders(of: key) == english.placeholders(of: key), "\(c.language): \(key) has other placeholders")
                if english.isPlural(key) {
                    let forms = Set(c.messages.keys.filter { MessageCatalogue.baseKey($0) == key })
                    #expect(forms == Set(c.pluralCategories.map { "\(key).\($0)" }), "\(c.language): \(key) has forms \(forms.sorted())")
                } else {
                    #expect(c.messages[key] != nil, "\(c.language): \(key) has plural forms but English has one text")
                }
            }
        }
    }
}

/// The editors' schema offers exactly the message keys `check` accepts under `messages:`.
@Suite struct SchemaKeysTests {
    @Test func theSchemaListsEveryMessageKey() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../schema/instrument.schema.json").standardized
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let messages = (schema?["properties"] as? [String: Any])?["messages"] as? [String: Any]
        let names = (messages?["propertyNames"] as? [String: Any])?["enum"] as? [String]
        #expect(Set(try #require(names)) == Catalogues.keys, "update 'messages' in schema/instrument.schema.json")
    }
}
