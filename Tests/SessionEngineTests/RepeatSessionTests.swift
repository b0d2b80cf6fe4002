import Expressions
import InstrumentModel
import SessionEngine
import TestSupport
import Testing

/// Repeated sections in the engine (issue 16): instances follow the answer that drives them, each
/// asked under its slot, with the caption, piping, conditions and aggregates of its instance.
@Suite struct RepeatSessionTests {
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
            choices: [Walking group, Art club, Choir, {value: 9, label: None of these, exclusive: true}]
      - id: activity
        title: "{activities.label}"
        repeat: {for_each: activities}
        questions:
          - {id: visits, type: number, text: "How often did you go to {activities.label}?", max: 31}
          - {id: helpful, type: scale, from: 0, to: 10, text: "How helpful was {activities.label}, with {visits} visits?", show_if: visits > 0}
          - {id: per_visit, type: calculate, value: "visits * 2"}
      - id: after
        questions:
          - {id: total, type: calculate, value: "sum(visits)"}
          - {id: answered_visits, type: calculate, value: "count(visits)"}
          - {id: busy, type: text, text: "You went {total} times. What else?", show_if: sum(visits) > 5}
    """

    func start() throws -> Session {
        Session(instrument: try compiled(Self.yaml), seed: 1, today: today)
    }

    @Test func asksTheSectionOncePerChoiceTickedInChoiceOrder() throws {
        var s = try start()
        try s.answer(Answer(.choices([3, 1])), at: 1)
        #expect(s.order == ["activities", "visits#1", "helpful#1", "visits#3", "helpful#3", "busy"])
        #expect(s.current?.id == "visits#1")
        #expect(s.instanceCaptionText == "Walking group — 1 of 2")
        #expect(s.render(s.current?.text) == "How often did you go to Walking group?")
        try s.answer(Answer(.number(4)), at: 2)
        #expect(s.current?.id == "helpful#1")
        #expect(s.render(s.current?.text) == "How helpful was Walking group, with 4 visits?")
        try s.answer(Answer(.choice(7)), at: 3)
        #expect(s.current?.id == "visits#3")
        #expect(s.instanceCaptionText == "Choir — 2 of 2")
        // Its own instance's visits decide whether "helpful" is asked: none here.
        try s.answer(Answer(.number(0)), at: 4)
        #expect(!s.isVisible("helpful#3"))
        #expect(s.calculated["per_visit#1"] == .number(8))
        #expect(s.calculated["total"] == .number(4))
        #expect(s.calculated["answered_visits"] == .number(2))
        #expect(s.phase == .finished)
    }

    @Test func countsInstancesInProgressAndGoesBackAcrossThem() throws {
        var s = try start()
        try s.answer(Answer(.choices([1, 2, 3])), at: 1)
        // Each instance's visits; "helpful" waits for its visits, "busy" for more than 5 in all.
        #expect(s.progress.total == 4)
        try s.answer(Answer(.number(1)), at: 2)
        try s.answer(Answer(.choice(5)), at: 3)
        #expect(s.current?.id == "visits#2")
        #expect(s.routePosition?.number == 4)
        try s.back(at: 4)
        #expect(s.current?.id == "helpful#1")
        #expect(s.instanceCaptionText == "Walking group — 1 of 3")
        try s.back(at: 5)
        try s.answer(Answer(.number(9)), at: 6)
        #expect(s.answers["visits#1"] == Answer(.number(9)))
        #expect(s.current?.id == "helpful#1")
        // A sum is empty while any instance's answer is, as a sum of items is.
        #expect(s.calculated["total"] == .empty)
        #expect(s.calculated["answered_visits"] == .number(1))
    }

    @Test func untickingAChoiceRemovesItsInstanceAndTickingOneAddsIt() throws {
        var s = try start()
        try s.answer(Answer(.choices([1, 2])), at: 1)
        try s.answer(Answer(.number(3)), at: 2)
        try s.answer(Answer(.choice(6)), at: 3)
        try s.answer(Answer(.number(2)), at: 4)
        try s.back(at: 5)
        try s.back(at: 6)
        try s.back(at: 7)
        try s.back(at: 7.5)
        #expect(s.current?.id == "activities")
        // Art club (2) unticked, Choir (3) ticked: Art club's answers would go, so a driver asks first.
        let change = Answer(.choices([1, 3]))
        #expect(s.removals(ifAnswered: change) == [InstanceRemoval(section: "activity", key: 2, label: "Art club", answered: 1)])
        #expect(s.removals(ifAnswered: Answer(.choices([1, 2, 3]))) == [])
        try s.answer(change, at: 8)
        #expect(s.answers["visits#2"] == nil)
        #expect(s.answers["visits#1"] == Answer(.number(3)))
        #expect(s.order == ["activities", "visits#1", "helpful#1", "visits#3", "helpful#3", "busy"])
        #expect(s.calculated["total"] == .empty)
        #expect(s.current?.id == "visits#1")
    }

    @Test func anExclusiveChoiceHasNoInstance() throws {
        var s = try start()
        try s.answer(Answer(.choices([9])), at: 1)
        #expect(s.order == ["activities", "busy"])
        #expect(s.phase == .finished)
    }

    @Test func countsAndAsksUntilDone() throws {
        let yaml = """
        format: 1
        id: t
        version: 1.0.0
        title: T
        sections:
          - id: s
            questions:
              - {id: household_size, type: number, text: How many?, max: 8}
          - id: member
            repeat: {count: household_size, max: 3}
            questions:
              - {id: age, type: number, text: Age?}
          - id: service
            repeat: {until_done: true, max: 3, another: Did you use another service?}
            questions:
              - {id: wait, type: number, text: Weeks?}
          - id: after
            questions:
              - {id: oldest, type: calculate, value: "max(age)"}
              - {id: waits, type: calculate, value: "mean(wait)"}
        """
        var s = Session(instrument: try compiled(yaml), seed: 1, today: today)
        try s.answer(Answer(.number(5)), at: 1)
        // At most max (3) instances, whatever the count.
        #expect(s.order == ["household_size", "age#1", "age#2", "age#3", "wait#1", "service#1:another"])
        #expect(s.instanceCaptionText == "1 of 3")
        for (i, age) in [40, 12, 70].enumerated() { try s.answer(Answer(.number(Double(age))), at: Double(2 + i)) }
        #expect(s.calculated["oldest"] == .number(70))
        #expect(s.current?.id == "wait#1")
        #expect(s.instanceCaptionText == "Number 1")
        try s.answer(Answer(.number(2)), at: 6)
        #expect(s.render(s.current?.text) == "Did you use another service?")
        #expect(s.presentedChoices(try #require(s.current)).map(\.value) == [1, 2])
        #expect(problem { try s.skip(at: 7) } != nil)
        try s.answer(Answer(.choice(1)), at: 7)
        #expect(s.current?.id == "wait#2")
        try s.answer(Answer(.number(4)), at: 8)
        try s.answer(Answer(.choice(1)), at: 9)
        // The last possible instance asks no more.
        #expect(s.order == ["household_size", "age#1", "age#2", "age#3", "wait#1", "service#1:another", "wait#2", "service#2:another", "wait#3"])
        try s.answer(Answer(.number(6)), at: 10)
        #expect(s.phase == .finished)
        #expect(s.calculated["waits"] == .number(4))
    }

    /// A compiled copy edited by hand may hold any max: the session neither traps nor loops.
    @Test func aHandEditedMaxBelowOneGivesNoInstances() throws {
        var instrument = try compiled(Self.yaml)
        for bad in [0, -1] {
            instrument.sections[1].repeat?.max = bad
            var s = Session(instrument: instrument, seed: 1, today: today)
            try s.answer(Answer(.choices([1, 2])), at: 1)
            #expect(s.order == ["activities", "busy"])
        }
    }
}
