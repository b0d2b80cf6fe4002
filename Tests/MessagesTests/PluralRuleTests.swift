import Testing
@testable import Messages

@Suite struct PluralRuleTests {
    @Test func welshHasSixForms() throws {
        let welsh = try #require(Catalogues.catalogue(for: "cy"))
        #expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map(welsh.pluralCategory) == ["zero", "one", "two", "few", "other", "other", "many", "other", "other"])
    }

    @Test func spanishAndEnglishHaveOneAndOther() throws {
        for code in ["es", "en"] {
            let c = try #require(Catalogues.catalogue(for: code))
            #expect([0, 1, 2, 1_000_000].map(c.pluralCategory) == ["other", "one", "other", "other"])
        }
    }

    /// The rules of languages not yet shipped read too, so that adding one is adding a file.
    @Test func readsModuloRangesAndLists() throws {
        let polishFew = try #require(PluralRule("n % 10 = 2..4 and n % 100 != 12..14"))
        #expect([2, 3, 4, 12, 22, 24, 25, 112].map(polishFew.matches) == [true, true, true, false, true, true, false, false])
        let list = try #require(PluralRule("n = 0,1 or n % 100 = 11..13"))
        #expect([0, 1, 2, 11, 111, 114].map(list.matches) == [true, true, false, true, true, false])
        #expect(PluralRule("x = 1") == nil)
        #expect(PluralRule("n = ") == nil)
    }

    @Test func regionalCodeFindsItsLanguage() {
        #expect(Catalogues.catalogue(for: "cy-GB")?.language == "cy")
        #expect(Catalogues.catalogue(for: "pl") == nil)
    }
}
