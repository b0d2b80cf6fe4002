/// A validated scale shipped with Fieldwork: its items exactly as published, its official
/// scoring as calculations, its safeguarding rule where its guidance calls for one, and where
/// it comes from and on what terms. A section includes it with `use: NAME`.
///
/// Only scales whose terms allow shipping them are here. The wording is that of the English
/// forms on phqscreeners.com (the developers' site); secondary copies differ in punctuation, so
/// the lock compares against this text and nothing else.
public struct LibraryScale: Sendable {
    public var name: String
    public var title: String
    public var source: String
    public var licence: String
    /// Bands and scoring in words, for the preview and the reference.
    public var scoring: String
    /// The questions (and calculations) as instrument YAML, a list.
    let questions: String
    /// Safeguarding rules as instrument YAML, a list; empty when the scale needs none.
    let safeguarding: String
}

public enum ScaleLibrary {
    static let pfizerSource = "Spitzer, Williams, Kroenke and colleagues, with an educational grant from Pfizer Inc.; forms at https://www.phqscreeners.com"
    static let pfizerLicence = "no permission required to reproduce, translate, display or distribute (the note on the developers' forms; free of copyright restriction since Pfizer's announcement of 2010)"

    /// The items as YAML: each a single choice scored 0 to 3, with the stem as its help, so that
    /// the stem is on every screen and the item's own text stays exactly as published.
    static func items(_ prefix: String, stem: String, _ texts: [String]) -> String {
        var out = ""
        for (i, text) in texts.enumerated() {
            out += "- id: \(prefix)_\(i + 1)\n  type: single\n  text: \"\(text)\"\n  help: \"\(stem)\"\n  choices:\n"
            for (code, label) in ["Not at all", "Several days", "More than half the days", "Nearly every day"].enumerated() {
                out += "    - {value: \(code), label: \(label)}\n"
            }
        }
        return out
    }

    static let phqStem = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    static let gadStem = "Over the last 2 weeks, how often have you been bothered by the following problems?"
    static let phq9Items = [
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ]
    static let gad7Items = [
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ]
    static let difficulty = """
        - id: %@_difficulty
          type: single
          text: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?"
          choices:
            - {value: 0, label: Not difficult at all}
            - {value: 1, label: Somewhat difficult}
            - {value: 2, label: Very difficult}
            - {value: 3, label: Extremely difficult}

        """

    static func names(_ prefix: String, _ n: Int) -> String {
        (1...n).map { "\(prefix)_\($0)" }.joined(separator: ", ")
    }

    static func sum(_ prefix: String, _ n: Int) -> String { "sum(" + names(prefix, n) + ")" }

    public static let all: [LibraryScale] = [
        LibraryScale(
            name: "phq9", title: "PHQ-9 (Patient Health Questionnaire, depression)", source: pfizerSource, licence: pfizerLicence,
            scoring: "phq9_total: the sum of the nine items (0 to 27), only when all nine are answered; phq9_band: 0 minimal (0-4), 1 mild (5-9), 2 moderate (10-14), 3 moderately severe (15-19), 4 severe (20-27); phq9_prorated: with one or two items missing, the sum scaled to nine items and rounded (each missing item counted as the mean of the answered ones, as Arrieta et al. 2017 do; the developers' forms give no rule for missing items), empty with three or more. phq9_difficulty is asked but not scored.",
            questions: items("phq9", stem: phqStem, phq9Items) + difficulty.replacingOccurrences(of: "%@", with: "phq9") + """
                - {id: phq9_total, type: calculate, value: "\(sum("phq9", 9))"}
                - {id: phq9_band, type: calculate, value: "min(4, round((phq9_total + 3) / 5) - 1)"}
                - {id: phq9_prorated, type: calculate, value: "round(prorated_sum(7, \(names("phq9", 9))))"}

                """,
            safeguarding: """
                - id: phq9_item9
                  when: phq9_9 >= 1
                  message: "Thank you for answering this. You said you have had thoughts that you would be better off dead or of hurting yourself. If you feel you might act on them, or you are in danger now, call your local emergency number. You can pause now, and talk to someone you trust, your doctor or a crisis line."
                  offer: pause
                  protocol: "PHQ-9 item 9 above 0: follow the study's distress protocol (ask about immediate safety; do not leave the participant without a route to support)."

                """),
        LibraryScale(
            name: "gad7", title: "GAD-7 (Generalized Anxiety Disorder 7-item scale)", source: pfizerSource, licence: pfizerLicence,
            scoring: "gad7_total: the sum of the seven items (0 to 21), only when all seven are answered; gad7_band: 0 minimal (0-4), 1 mild (5-9), 2 moderate (10-14), 3 severe (15-21). gad7_difficulty is asked but not scored.",
            questions: items("gad7", stem: gadStem, gad7Items) + difficulty.replacingOccurrences(of: "%@", with: "gad7") + """
                - {id: gad7_total, type: calculate, value: "\(sum("gad7", 7))"}
                - {id: gad7_band, type: calculate, value: "min(3, round((gad7_total + 3) / 5) - 1)"}

                """,
            safeguarding: ""),
        LibraryScale(
            name: "phq2", title: "PHQ-2 (the first two items of the PHQ-9)", source: pfizerSource, licence: pfizerLicence,
            scoring: "phq2_total: the sum of the two items (0 to 6), only when both are answered; phq2_positive: true at 3 or more, the developers' cut-point for further assessment.",
            questions: items("phq2", stem: phqStem, Array(phq9Items.prefix(2))) + """
                - {id: phq2_total, type: calculate, value: "sum(phq2_1, phq2_2)"}
                - {id: phq2_positive, type: calculate, value: "phq2_total >= 3"}

                """,
            safeguarding: ""),
        LibraryScale(
            name: "gad2", title: "GAD-2 (the first two items of the GAD-7)", source: pfizerSource, licence: pfizerLicence,
            scoring: "gad2_total: the sum of the two items (0 to 6), only when both are answered; gad2_positive: true at 3 or more, the developers' cut-point for further assessment.",
            questions: items("gad2", stem: gadStem, Array(gad7Items.prefix(2))) + """
                - {id: gad2_total, type: calculate, value: "sum(gad2_1, gad2_2)"}
                - {id: gad2_positive, type: calculate, value: "gad2_total >= 3"}

                """,
            safeguarding: ""),
        LibraryScale(
            name: "core10", title: "CORE-10 (Clinical Outcomes in Routine Evaluation, psychological distress)",
            source: "Barkham, Bewick, Mullin and colleagues (2013), Counselling and Psychotherapy Research 13(1), 3-13; the CORE System Trust, https://www.coresystemtrust.org.uk",
            licence: "© CORE System Trust, under Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 (CC BY-NC-ND 4.0): free for non-commercial use; the text may not be changed (no items reworded, cut, added or reordered); the copyright line must be visible to the person answering (it is on the block's first screen)",
            scoring: "core10_score: the clinical score, the mean item score times 10 (0 to 40: the sum when all ten are answered), prorated when one item is missing and empty when two or more are; items 2 and 3 are scored in reverse (their codes run 4 to 0). core10_band: 0 healthy (0-5), 1 low level (6-10), 2 mild (11-14), 3 moderate (15-19), 4 moderate-to-severe (20-24), 5 severe (25-40); 11 is the clinical cut-off. A prorated score can have a fraction: a band is reached at its lower bound (10.6 is low level).",
            questions: core10,
            safeguarding: """
                - id: core10_risk
                  when: core10_6 >= 1
                  message: "Thank you for answering this. You said you have made plans to end your life. If you feel you might act on them, or you are in danger now, call your local emergency number. You can pause now, and talk to someone you trust, your doctor or a crisis line."
                  offer: pause
                  protocol: "CORE-10 item 6 (risk) above 0: follow the study's distress protocol (ask about immediate safety; do not leave the participant without a route to support)."

                """),
    ]

    /// CORE-10 as on the CORE System Trust's form: the form's instruction (the sentence that secondary
    /// copies agree on; the form's longer opening could not be checked) and its copyright line as a note (the licence asks for the line where the participant sees it), then the ten items,
    /// each scored 0 to 4 except the two positive ones (2 and 3), whose codes run the other way as
    /// the form prints them, so that a sum of the codes is the score.
    static let core10: String = {
        let texts = [
            "I have felt tense, anxious or nervous",
            "I have felt I have someone to turn to for support when needed",
            "I have felt able to cope when things go wrong",
            "Talking to people has felt too much for me",
            "I have felt panic or terror",
            "I made plans to end my life",
            "I have had difficulty getting to sleep or staying asleep",
            "I have felt despairing or hopeless",
            "I have felt unhappy",
            "Unwanted images or memories have been distressing me",
        ]
        let labels = ["Not at all", "Only occasionally", "Sometimes", "Often", "Most or all of the time"]
        var out = """
            - id: core10_intro
              type: note
              text: "Please read each statement and think how often you felt that way last week. © CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf"

            """
        for (i, text) in texts.enumerated() {
            out += "- id: core10_\(i + 1)\n  type: single\n  text: \"\(text)\"\n  help: \"Over the last week\"\n  choices:\n"
            let reversed = i == 1 || i == 2
            for (code, label) in labels.enumerated() {
                out += "    - {value: \(reversed ? 4 - code : code), label: \(label)}\n"
            }
        }
        let items = names("core10", 10)
        // The last branch is the score times 0: 0 for a score, empty when there is none (every
        // comparison with an empty score is false), so that an unscored form has no band.
        return out + """
            - {id: core10_score, type: calculate, value: "prorated_sum(9, \(items))"}
            - {id: core10_band, type: calculate, value: "if(core10_score >= 25, 5, if(core10_score >= 20, 4, if(core10_score >= 15, 3, if(core10_score >= 11, 2, if(core10_score >= 6, 1, core10_score * 0)))))"}

            """
    }()

    public static func named(_ name: String) -> LibraryScale? { all.first { $0.name == name } }
}
