import Testing
@testable import Messages

@Suite struct CatalogueParseTests {
    @Test func refusesARepeatedKeyWithItsLine() {
        let text = "@language xx\n@name X\na = one\na = two\n"
        #expect(MessageCatalogue.parse(text) == .failure(.init(line: 4, message: "'a' is given twice")))
    }

    @Test func refusesALineThatIsNotAMessage() {
        #expect(MessageCatalogue.parse("@language xx\n@name X\njust words\n") == .failure(.init(line: 3, message: "expected 'key = text'")))
        #expect(MessageCatalogue.parse("@language xx\n@plural one: q = 1\n") == .failure(.init(line: 2, message: "'one: q = 1' is not a plural rule such as 'one: n = 1'")))
    }
}
