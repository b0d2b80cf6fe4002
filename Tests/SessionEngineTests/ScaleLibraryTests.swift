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

    @Test func aTotalNeedsEveryItemSinceNoProrationIsApplied() throws {
        let s = try Self.scored("phq9", [3, 3, 3, 3, 3, 3, 3, 3, nil])
        #expect(s.calculated["phq9_total"] == nil || s.calculated["phq9_total"] == .empty)
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
        #expect(instrument.questions.map(\.id) == (1...9).map { "phq9_\($0)" } + ["phq9_difficulty", "phq9_total", "phq9_band"])
        #expect(instrument.question("phq9_9")?.text?.text() == "Thoughts that you would be better off dead or of hurting yourself in some way")
        #expect(instrument.question("phq9_1")?.help?.text() == "Over the last 2 weeks, how often have you been bothered by any of the following problems?")
        #expect(instrument.question("phq9_1")?.choices?.map { "\($0.value) \($0.label.text())" }
                == ["0 Not at all", "1 Several days", "2 More than half the days", "3 Nearly every day"])
    }
}
