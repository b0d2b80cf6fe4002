import InstrumentModel
import SessionEngine
import TestSupport
import Testing

/// The review lists every question asked, and a repeated question is asked once per instance:
/// each of its lines says which instance it is about, or two lines read "Who did you go with?"
/// and the participant cannot tell which answer to change (found trying the review at 60 columns).
@Suite struct ReviewInstanceTests {
    static let yaml = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: s
        questions:
          - id: activities
            type: multiple
            text: Which?
            choices: [Walking group, Art club, Choir]
          - block: outing
            repeat: {for_each: activities}
            questions:
              - {id: company, type: text, text: Who did you go with?}
      - id: activity
        title: "{activities.label}"
        repeat: {for_each: activities}
        questions:
          - {id: visits, type: number, text: How often did you go?, max: 31}
      - id: service
        title: Services you used
        repeat: {until_done: true, max: 3}
        questions:
          - {id: wait, type: number, text: How long was the wait?, max: 52}
    """

    @Test func eachRepeatedLineSaysItsInstance() throws {
        var s = Session(instrument: try compiled(Self.yaml), seed: 1, today: today)
        var t = 1.0
        func give(_ a: Answer) throws { try s.answer(a, at: t); t += 1 }
        try give(Answer(.choices([1, 3])))
        try give(Answer(.text("A friend")))
        try give(Answer(.text("Alone")))
        try give(Answer(.number(4)))
        try give(Answer(.number(2)))
        try give(Answer(.number(3)))
        #expect(s.current?.id == "service#1:another")
        try give(Answer(.choice(1)))
        try give(Answer(.number(6)))
        try give(Answer(.choice(2)))
        #expect(s.phase == .finished)
        let lines = s.reviewItems.map { [$0.question, $0.instance ?? "-"].joined(separator: " | ") }
        #expect(lines == [
            "activities | -",
            "company#1 | Walking group — 1 of 2",
            "company#3 | Choir — 2 of 2",
            "visits#1 | Walking group — 1 of 2",
            "visits#3 | Choir — 2 of 2",
            "wait#1 | Services you used — Number 1",
            "service#1:another | Services you used — Number 1",
            "wait#2 | Services you used — Number 2",
            "service#2:another | Services you used — Number 2",
        ])
        let choir = try #require(s.reviewItems.first { $0.question == "visits#3" })
        #expect(s.reviewText(choir) == "How often did you go? (Choir — 2 of 2)")
        #expect(s.reviewText(s.reviewItems[0]) == "Which?")
    }
}
