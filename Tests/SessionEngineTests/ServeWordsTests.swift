import SessionEngine
import Testing

/// What `fieldwork serve` says over the connection comes from the catalogues, in the session's
/// language, with its durations counted by the language's plural rules.
@Suite struct ServeWordsTests {
    @Test func limitsAreSaidWithTheirDurationsInEachLanguage() {
        let en = ParticipantWords.forLanguage("en")
        #expect(en.serveClosedIdle(seconds: 900) == "This session was closed after 15 minutes without a key.")
        #expect(en.serveClosedIdle(seconds: 60) == "This session was closed after 1 minute without a key.")
        #expect(en.serveClosedTimeLimit(seconds: 7200) == "This session was closed: it reached its time limit of 2 hours.")
        #expect(en.serveClosedIdle(seconds: 90) == "This session was closed after 90 seconds without a key.")
        #expect(en.duration(1) == "1 second")
        let cy = ParticipantWords.forLanguage("cy")
        #expect(cy.serveClosedIdle(seconds: 120) == "Caewyd y sesiwn hon ar ôl 2 munud heb bwyso bysell.")
        #expect(cy.serveClosedTimeLimit(seconds: 3600) == "Caewyd y sesiwn hon: cyrhaeddodd ei therfyn amser o 1 awr.")
        let es = ParticipantWords.forLanguage("es")
        #expect(es.serveClosedIdle(seconds: 1) == "Esta sesión se cerró tras 1 segundo sin pulsar ninguna tecla.")
        #expect(es.serveClosedTimeLimit(seconds: 10800) == "Esta sesión se cerró: llegó a su límite de tiempo de 3 horas.")
    }

    @Test func theWayBackNamesTheCommandAndTheCode() {
        let en = ParticipantWords.forLanguage("en")
        #expect(en.serveResumeSessionCode("ssh -p 2222 resume@cafe.example", code: "0a1b-2c3d-4e5f")
            == "ssh -p 2222 resume@cafe.example, and this session code when asked for a password: 0a1b-2c3d-4e5f")
        #expect(ParticipantWords.forLanguage("cy").serveResumeInvited("ssh -p 2222 survey@cafe.example")
            == "ssh -p 2222 survey@cafe.example, a'ch cod gwahoddiad eto")
        #expect(ParticipantWords.forLanguage("es").serveOnlyTheSurvey("cafe", command: "ssh -p 2222 survey@cafe.example")
            == "Este servidor solo ofrece la encuesta 'cafe'. Conéctese sin ningún comando: ssh -p 2222 survey@cafe.example")
    }
}
