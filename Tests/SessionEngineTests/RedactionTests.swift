import Foundation
import InstrumentModel
import SessionEngine
import Testing

/// The corpus the redaction patterns are built against: each text with what must be kept of it.
/// docs/reference.md lists what is and is not caught; a change to either starts here.
enum RedactionCorpus {
    static let phones: [(String, String)] = [
        ("call 07700 900123", "call [phone]"),
        ("call 07700  900123 now", "call [phone] now"),
        ("07700/900123", "[phone]"),
        ("07700900123", "[phone]"),
        ("07700-900-123", "[phone]"),
        ("07700 900 123", "[phone]"),
        ("020 7946 0018", "[phone]"),
        ("020-7946-0018", "[phone]"),
        ("(020) 7946 0018", "[phone]"),
        ("0161 496 0000", "[phone]"),
        ("01632 960123", "[phone]"),
        ("(01632) 960123", "[phone]"),
        ("0800 123 4567", "[phone]"),
        ("+44 7700 900123", "[phone]"),
        ("+447700900123", "[phone]"),
        ("+44 (0)7700 900123", "[phone]"),
        ("ring +44 (0)20 7946 0958 today", "ring [phone] today"),
        ("+44(0)20 7946 0958", "[phone]"),
        ("0044 20 7946 0958", "[phone]"),
        ("00 44 20 7946 0958", "[phone]"),
        ("US office +1 415 555 0100", "US office [phone]"),
        ("+1 (415) 555-0100", "[phone]"),
        ("+1-415-555-0100", "[phone]"),
        ("(415) 555-0100", "[phone]"),
        ("415-555-0100", "[phone]"),
        ("415.555.0100", "[phone]"),
        ("+33 1 23 45 67 89", "[phone]"),
        ("+49 30 901820", "[phone]"),
        ("+353 1 234 5678", "[phone]"),
        ("+61 2 9876 5432", "[phone]"),
        ("call +44 7700 900123 or (020) 7946 0018", "call [phone] or [phone]"),
        ("ring 07700 900123, or 0161 496 0000.", "ring [phone], or [phone]."),
        ("(call 07700 900123)", "(call [phone])"),
        ("tel:+447700900123", "tel:[phone]"),
        ("on 17/05/2024 07700 900123 rang", "on 17/05/2024 [phone] rang"),
        ("call +44 7700 900123 2 times", "call [phone] 2 times"),
        ("in 2019 07700 900123", "in 2019 [phone]"),
        // Ten digits grouped 3-3-4 are taken as a North American number, and so an NHS number
        // written that way goes too: it identifies a person as surely.
        ("NHS 485 777 3456", "NHS [phone]"),
    ]

    static let emails: [(String, String)] = [
        ("write to sam.jones+x@example.co.uk today", "write to [email] today"),
        ("jo@exämple.de", "[email]"),
        ("jo@localhost", "[email]"),
        ("JO@EXAMPLE.ORG", "[email]"),
        ("zoë@例え.jp", "[email]"),
        ("mail jo@example.com.", "mail [email]."),
        ("<jo_b@mail.example.org>", "<[email]>"),
        ("jo@example.com/jo@example.org", "[email]/[email]"),
        // Any word@word is taken for an address (that is how jo@localhost is caught).
        ("stressed@work", "[email]"),
    ]

    static let urls: [(String, String)] = [
        ("see https://example.org/page?x=1 and www.nhs.uk", "see [url] and [url]"),
        ("t.me/someone", "[url]"),
        ("bit.ly/abc123", "[url]"),
        ("example.de/path", "[url]"),
        ("example.de", "[url]"),
        ("go to example.com.", "go to [url]."),
        ("nhs.uk", "[url]"),
        ("bbc.co.uk/news", "[url]"),
        ("instagram.com/someone", "[url]"),
        ("(see bit.ly/abc123).", "(see [url])."),
        ("HTTPS://EXAMPLE.ORG", "[url]"),
        ("http://192.168.0.1/admin", "[url]"),
        ("www.example.org/a?b=c, then", "[url], then"),
        ("EXAMPLE.COM", "[url]"),
    ]

    static let postcodes: [(String, String)] = [
        ("I live near SW1A 1AA and m1 1ae", "I live near [postcode] and [postcode]"),
        ("SW1A1AA", "[postcode]"),
        ("M1  1AE", "[postcode]"),
        ("W1A 0AX", "[postcode]"),
        ("B33 8TH", "[postcode]"),
        ("CR2 6XH", "[postcode]"),
        ("DN55 1PT", "[postcode]"),
        ("EC1A 1BB", "[postcode]"),
        ("GIR 0AA", "[postcode]"),
        ("gir 0aa", "[postcode]"),
        ("(SW1A 1AA).", "([postcode])."),
    ]

    /// Texts that must come through unchanged: dates, years, amounts, reference numbers, service
    /// numbers, abbreviations, file names, and what is knowingly not caught (names, handles,
    /// outward codes alone, card numbers, local numbers without an area code).
    static let untouched: [String] = [
        "2019-2020", "in 2019-2020 I was", "1999-2001", "12345678", "1234 5678", "ref 55821",
        "order 123456789", "case 2023/456", "ref ABC-12345", "1234567890123",
        "2024-05-17", "17/05/2024", "17.05.2024", "17 May 2024", "01/02/2020 10 people came",
        "10:30-11:45", "9am-5pm", "£1,500.00", "£1,500,000", "$20", "50%", "3.5 out of 10", "9.5/10",
        "I am 34 and went 3 times in 2024", "Room 101", "1 in 4 people", "2+2=4",
        "999", "111", "116 123", "0800 1111",
        "e.g. this", "i.e. that", "etc.", "U.K.", "I went to work.It was hard", "report.pdf",
        "v1.2.3", "and/or", "24/7", "Mr.Smith",
        "meet @ 5", "@someone", "Jo Bloggs from Leeds",
        "SW1A", "Leeds LS6", "Y10 maths", "COVID-19", "4111 1111 1111 1111", "946 0018", "4857773456",
        "192.168.0.1", "example.museum", "oh seven seven double oh nine",
        "[email] [phone] [url] [postcode]",
    ]

    static var all: [(String, String)] { phones + emails + urls + postcodes + untouched.map { ($0, $0) } }
}

@Suite struct RedactionTests {
    let everything = Redactor([.email, .phone, .url, .postcode])

    @Test(arguments: RedactionCorpus.phones)
    func replacesPhoneNumbers(text: String, expected: String) {
        #expect(everything.redact(text) == expected)
    }

    @Test(arguments: RedactionCorpus.emails)
    func replacesEmailAddresses(text: String, expected: String) {
        #expect(everything.redact(text) == expected)
    }

    @Test(arguments: RedactionCorpus.urls)
    func replacesWebAddresses(text: String, expected: String) {
        #expect(everything.redact(text) == expected)
    }

    @Test(arguments: RedactionCorpus.postcodes)
    func replacesPostcodes(text: String, expected: String) {
        #expect(everything.redact(text) == expected)
    }

    @Test(arguments: RedactionCorpus.untouched)
    func leavesDatesAmountsAndReferencesAlone(text: String) {
        #expect(everything.redact(text) == text)
    }

    /// A replay redacts the kept text again, so a second pass must change nothing.
    @Test func redactingTwiceChangesNothing() {
        for (_, expected) in RedactionCorpus.all {
            #expect(everything.redact(expected) == expected)
        }
    }

    @Test func redactsOnlyTheChosenPatterns() {
        #expect(Redactor([.email]).redact("sam@example.org 07700 900123") == "[email] 07700 900123")
        #expect(Redactor([.phone]).redact("sam@example.org 07700 900123") == "sam@example.org [phone]")
        #expect(Redactor([.url]).redact("sam@example.org, bit.ly/x") == "sam@example.org, [url]")
    }

    /// Redaction is linear: each shape that made the old patterns quadratic (runs of letters,
    /// digits, hyphenated or dotted words, separated digits) is redacted whole at 100,000
    /// characters. The times are printed, never asserted; see the commit for the figures.
    @Test(arguments: [
        ("letters", "a"), ("digits", "1"), ("hyphens", "a-"), ("dots", "a."), ("spaced digits", "1 "),
        ("at signs", "a@"), ("www", "www."), ("plus", "+1 "), ("brackets", "(0)"), ("zeros", "0 "), ("area codes", "020 "),
        ("prose", "I rang 07700 900123 and wrote to jo@example.org about SW1A 1AA on 2024-05-17. "),
    ])
    func redactsAHundredThousandCharactersOfAnyShape(shape: String, unit: String) {
        let text = String(String(repeating: unit, count: TextEntry.maxCharacters / unit.count + 1).prefix(TextEntry.maxCharacters))
        let clock = ContinuousClock()
        var out = ""
        let took = clock.measure { out = everything.redact(text) }
        print("redacting 100,000 characters of \(shape): \(took)")
        #expect(!out.isEmpty)
        if shape == "prose" {
            #expect(out.hasPrefix("I rang [phone] and wrote to [email] about [postcode] on 2024-05-17. "))
        }
    }
}
