import Expressions
import InstrumentModel
import SessionEngine
import TestSupport
import Testing

/// A repeated block inside a section (issue 16) in the engine: its instances come at its place in
/// the section, the questions after it after every instance; the screen keeps the section's title
/// and says which instance; going back crosses the instances into the questions before the block.
@Suite struct BlockRepeatSessionTests {
    static let yaml = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: s
        title: Involvement
        intro: About what you do with us.
        questions:
          - {id: activities, type: multiple, text: Which?, choices: [Walking group, Art club, Choir]}
          - block: activity
            title: "{activities.label}"
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: "How often did you go to {activities.label}?", max: 31}
              - {id: helpful, type: scale, from: 0, to: 10, text: "How helpful was it?", show_if: visits > 0}
          - {id: total, type: calculate, value: "sum(visits)"}
          - {id: overall, type: text, text: "You went {total} times in all. Anything else?"}
    """

    func start() throws -> Session {
        Session(instrument: try compiled(Self.yaml), seed: 1, today: today)
    }

    @Test func asksTheBlockAtItsPlaceOncePerChoiceThenTheQuestionsAfterIt() throws {
        var s = try start()
        try s.answer(Answer(.choices([3, 1])), at: 1)
        #expect(s.order == ["activities", "visits#1", "helpful#1", "visits#3", "helpful#3", "overall"])
        #expect(s.progress.total == 4)
        #expect(s.current?.id == "visits#1")
        // The section's title, no new heading or intro, and the instance under it.
        let asked = try #require(s.sectionAsked("visits#1"))
        #expect(asked.section.id == "s")
        #expect(s.render(asked.section.title) == "Involvement")
        #expect(asked.section.intro == nil)
        #expect(asked.ids.first != "visits#1")
        #expect(s.instanceCaptionText(under: "Involvement") == "Walking group — 1 of 2")
        try s.answer(Answer(.number(2)), at: 2)
        try s.answer(Answer(.choice(8)), at: 3)
        #expect(s.instanceCaptionText(under: "Involvement") == "Choir — 2 of 2")
        try s.answer(Answer(.number(3)), at: 4)
        try s.answer(Answer(.choice(5)), at: 5)
        #expect(s.current?.id == "overall")
        #expect(s.render(s.current?.text) == "You went 5 times in all. Anything else?")
        #expect(s.instanceCaptionText == nil)
        let after = try #require(s.sectionAsked("overall"))
        #expect(s.render(after.section.title) == "Involvement")
        #expect(after.ids.first != "overall")
        // The first question keeps the section's heading and intro.
        let first = try #require(s.sectionAsked("activities"))
        #expect(first.ids.first == "activities" && first.section.intro != nil)
    }

    @Test func goesBackFromTheQuestionAfterIntoTheLastInstanceAndOnToTheQuestionBefore() throws {
        var s = try start()
        try s.answer(Answer(.choices([1, 2])), at: 1)
        try s.answer(Answer(.number(0)), at: 2)
        try s.answer(Answer(.number(4)), at: 3)
        try s.answer(Answer(.choice(6)), at: 4)
        #expect(s.current?.id == "overall")
        try s.back(at: 5)
        #expect(s.current?.id == "helpful#2")
        #expect(s.instanceCaptionText == "Art club — 2 of 2")
        try s.back(at: 6)
        try s.back(at: 7)
        // helpful#1 was not asked (no visits): back goes straight to visits#1, then before the block.
        #expect(s.current?.id == "visits#1")
        try s.back(at: 8)
        #expect(s.current?.id == "activities")
        try s.answer(Answer(.choices([1, 2])), at: 9)
        #expect(s.answers["visits#2"] == Answer(.number(4)))
    }

    @Test func untickingAChoiceRemovesItsInstanceOfTheBlockAfterAsking() throws {
        var s = try start()
        try s.answer(Answer(.choices([1, 2])), at: 1)
        try s.answer(Answer(.number(3)), at: 2)
        try s.answer(Answer(.choice(6)), at: 3)
        try s.answer(Answer(.number(2)), at: 4)
        for t in 5...8 { try s.back(at: Double(t)) }
        #expect(s.current?.id == "activities")
        let change = Answer(.choices([1]))
        #expect(s.removals(ifAnswered: change) == [InstanceRemoval(section: "activity", key: 2, label: "Art club", answered: 1)])
        #expect(s.removalWarning(ifAnswered: change) == "This removes your answers about Art club.")
        try s.answer(change, at: 9)
        #expect(s.answers["visits#2"] == nil)
        #expect(s.order == ["activities", "visits#1", "helpful#1", "overall"])
    }

    @Test func aBlockThatOpensItsSectionAsksUntilDoneAndOpensTheSectionOnce() throws {
        let yaml = """
        format: 1
        id: t
        version: 1.0.0
        title: T
        sections:
          - id: first
            questions:
              - {id: name_of_group, type: text, text: Group?}
          - id: services
            title: Services
            intro: The services you used.
            questions:
              - block: service
                repeat: {until_done: true, max: 3, another: Another service?}
                questions:
                  - {id: wait, type: number, text: Weeks waited?}
              - {id: waits, type: calculate, value: "count(wait)"}
              - {id: more, type: text, text: Anything else?}
        """
        var s = Session(instrument: try compiled(yaml), seed: 1, today: today)
        try s.answer(Answer(.text("A")), at: 1)
        #expect(s.current?.id == "wait#1")
        let opening = try #require(s.sectionAsked("wait#1"))
        #expect(opening.section.id == "services" && opening.ids.first == "wait#1" && opening.section.intro != nil)
        #expect(s.instanceCaptionText(under: "Services") == "Number 1")
        try s.answer(Answer(.number(2)), at: 2)
        #expect(s.render(s.current?.text) == "Another service?")
        #expect(s.sectionAsked("service#1:another")?.section.id == "services")
        try s.answer(Answer(.choice(1)), at: 3)
        #expect(s.current?.id == "wait#2")
        // The second instance does not open the section again.
        let second = try #require(s.sectionAsked("wait#2"))
        #expect(second.ids.isEmpty && second.section.intro == nil)
        try s.answer(Answer(.number(5)), at: 4)
        try s.answer(Answer(.choice(2)), at: 5)
        #expect(s.current?.id == "more")
        #expect(s.calculated["waits"] == .number(2))
    }
}
