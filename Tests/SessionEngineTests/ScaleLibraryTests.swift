import InstrumentModel
import SessionEngine
import TestSupport
import Testing

/// The library's scales score as their developers' instructions say (Kroenke, Spitzer & Williams
/// 2001 for the PHQ-9; Spitzer et al. 2006 for the GAD-7; Kroenke et al. 2003 and 2007 for the
/// two-item forms), bands included, at every boundary.
@Suite struct ScaleLibraryTests {
    static func scale(_ name: String) throws -> Instrument {
        try compiled("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: s\n    use: \(name)\n")
    }

    /// Answers the items with these codes (nil skips), the rest skipped, and returns the calculations.
    static func scored(_ name: String, _ codes: [Int?]) throws -> Session {
        var s = Session(instrument: try scale(name), seed: 1, today: 20_000)
        for code in codes {
            // A note (CORE-10's instructions) is read and passed, as Enter passes it on screen.
            while s.current?.type == .note { try s.skip(at: 1) }
            if let code { try s.answer(Answer(.choice(code)), at: 1) } else { try s.skip(at: 1) }
        }
        return s
    }

    /// Item codes that add up to `total` over `count` items, each 0 to 3.
    static func items(total: Int, count: Int) -> [Int] {
        (0..<count).map { i in max(0, min(3, total - 3 * i)) }
    }

    @Test(arguments: [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (14, 2), (15, 3), (19, 3), (20, 4), (27, 4)])
    func phq9TotalsAndSeverityBands(total: Int, band: Int) throws {
        let s = try Self.scored("phq9", Self.items(total: total, count: 9))
        #expect(s.calculated["phq9_total"] == .number(Double(total)))
        #expect(s.calculated["phq9_band"] == .number(Double(band)))
    }

    @Test(arguments: [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (14, 2), (15, 3), (21, 3)])
    func gad7TotalsAndSeverityBands(total: Int, band: Int) throws {
        let s = try Self.scored("gad7", Self.items(total: total, count: 7))
        #expect(s.calculated["gad7_total"] == .number(Double(total)))
        #expect(s.calculated["gad7_band"] == .number(Double(band)))
    }

    @Test(arguments: ["phq2", "gad2"])
    func twoItemFormsScreenPositiveAtThree(name: String) throws {
        #expect(try Self.scored(name, [1, 1]).calculated[name + "_positive"] == .bool(false))
        #expect(try Self.scored(name, [2, 1]).calculated[name + "_positive"] == .bool(true))
        #expect(try Self.scored(name, [2, 1]).calculated[name + "_total"] == .number(3))
    }

    @Test func theTotalNeedsEveryItemAndTheProratedScoreUpToTwoMissing() throws {
        // The sum stays as the developers' form adds it; phq9_prorated follows the published rule
        // for up to two missing items (their mean in place of each, Arrieta et al. 2017), rounded.
        let one = try Self.scored("phq9", [3, 3, 3, 3, 3, 3, 3, 3, nil])
        #expect(one.calculated["phq9_total"] == nil || one.calculated["phq9_total"] == .empty)
        #expect(one.calculated["phq9_prorated"] == .number(27))
        // Seven answered adding up to 11: 11 × 9 / 7 = 14.14..., 14.
        let two = try Self.scored("phq9", [3, 3, 2, 1, 1, 1, 0, nil, nil])
        #expect(two.calculated["phq9_prorated"] == .number(14))
        let three = try Self.scored("phq9", [3, 3, 3, 3, 3, 3, nil, nil, nil])
        #expect(three.calculated["phq9_prorated"] == nil || three.calculated["phq9_prorated"] == .empty)
        let all = try Self.scored("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 1])
        #expect(all.calculated["phq9_prorated"] == .number(9))
    }

    // CORE-10: the clinical score is the mean item score × 10 (the sum, when all ten are
    // answered), prorated when one item is missing and not scored with two (the CORE System
    // Trust's CORE-10 page: "it can be prorated if only one item is omitted"; and its "What's in a
    // name (1): scoring CORE measures"); bands as in Barkham et al. 2013.

    @Test(arguments: [(0, 0), (5, 0), (6, 1), (10, 1), (11, 2), (14, 2), (15, 3), (19, 3), (20, 4), (24, 4), (25, 5), (40, 5)])
    func core10ClinicalScoreAndBands(total: Int, band: Int) throws {
        let codes = (0..<10).map { i in max(0, min(4, total - 4 * i)) }
        let s = try Self.scored("core10", codes)
        #expect(s.calculated["core10_score"] == .number(Double(total)))
        #expect(s.calculated["core10_band"] == .number(Double(band)))
    }

    @Test func core10ProratesOneMissingItemAndNotTwo() throws {
        // Nine answered adding up to 18: a mean of 2, a clinical score of 20 (moderate-to-severe).
        let one = try Self.scored("core10", [2, 2, 2, 2, 2, 2, 2, 2, 2, nil])
        #expect(one.calculated["core10_score"] == .number(20))
        #expect(one.calculated["core10_band"] == .number(4))
        // Nine adding up to 9: 10, low level; not 9 as a plain sum would say.
        let low = try Self.scored("core10", [1, 1, 1, 1, nil, 1, 1, 1, 1, 1])
        #expect(low.calculated["core10_score"] == .number(10))
        let two = try Self.scored("core10", [2, 2, 2, 2, 2, 2, 2, 2, nil, nil])
        #expect(two.calculated["core10_score"] == nil || two.calculated["core10_score"] == .empty)
        #expect(two.calculated["core10_band"] == nil || two.calculated["core10_band"] == .empty)
    }

    @Test func core10ReversesItsTwoPositiveItemsOnTheForm() throws {
        let instrument = try Self.scale("core10")
        #expect(instrument.questions.map(\.id) == ["core10_intro"] + (1...10).map { "core10_\($0)" } + ["core10_score", "core10_band"])
        #expect(instrument.question("core10_1")?.choices?.map { "\($0.value) \($0.label.text())" }
                == ["0 Not at all", "1 Only occasionally", "2 Sometimes", "3 Often", "4 Most or all of the time"])
        for reversed in ["core10_2", "core10_3"] {
            #expect(instrument.question(reversed)?.choices?.map { "\($0.value) \($0.label.text())" }
                    == ["4 Not at all", "3 Only occasionally", "2 Sometimes", "1 Often", "0 Most or all of the time"])
        }
        #expect(instrument.question("core10_2")?.text?.text() == "I have felt I have someone to turn to for support when needed")
        #expect(instrument.question("core10_6")?.text?.text() == "I made plans to end my life")
        // The licence asks for the copyright line where the participant sees it.
        #expect(instrument.question("core10_intro")?.text?.text().contains("© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf") == true)
    }

    @Test func core10RiskItemAboveZeroFiresItsSafeguardingRule() throws {
        #expect(try Self.scored("core10", [0, 4, 4, 0, 0, 0, 0, 0, 0, 0]).safeguardingFired.isEmpty)
        let s = try Self.scored("core10", [0, 4, 4, 0, 0, 1])
        #expect(s.safeguardingFired == [SafeguardingFiring(rule: "core10_risk", question: "core10_6")])
    }

    @Test func phq9Item9AboveZeroFiresItsSafeguardingRule() throws {
        let none = try Self.scored("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 0])
        #expect(none.safeguardingFired.isEmpty)
        let s = try Self.scored("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(s.safeguardingFired == [SafeguardingFiring(rule: "phq9_item9", question: "phq9_9")])
        #expect(s.instrument.safeguardingRule("phq9_item9")?.offer == .pause)
    }

    @Test func theItemsReadAsPublished() throws {
        let instrument = try Self.scale("phq9")
        #expect(instrument.sections[0].scale == "phq9")
        #expect(instrument.questions.map(\.id) == (1...9).map { "phq9_\($0)" } + ["phq9_difficulty", "phq9_total", "phq9_band", "phq9_prorated"])
        #expect(instrument.question("phq9_9")?.text?.text() == "Thoughts that you would be better off dead or of hurting yourself in some way")
        #expect(instrument.question("phq9_1")?.help?.text() == "Over the last 2 weeks, how often have you been bothered by any of the following problems?")
        #expect(instrument.question("phq9_1")?.choices?.map { "\($0.value) \($0.label.text())" }
                == ["0 Not at all", "1 Several days", "2 More than half the days", "3 Nearly every day"])
    }
}
