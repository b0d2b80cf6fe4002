import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

/// Picks the widget for a question.
enum Widgets {
    /// The widget for a question at a width; `given` replaces the stored answer (`.none`: nothing
    /// chosen yet), for a widget made anew after a resize.
    static func make(for q: Question, session: Session, width: Int, given override: Answer?? = nil) -> any Widget {
        var widget = bare(for: q, session: session, width: width, given: override)
        widget.words = session.words
        return widget
    }

    private static func bare(for q: Question, session: Session, width: Int, given override: Answer??) -> any Widget {
        let choices = session.presentedChoices(q)
        let given = override ?? session.answers[q.id]
        let label: (Choice) -> String = { session.render($0.label) }
        switch q.type {
        case .single:
            return ChoiceWidget(choices: choices, label: label, multiple: false, otherCode: q.other?.value, given: given, draft: session.otherDrafts[q.id])
        case .multiple:
            return ChoiceWidget(choices: choices, label: label, multiple: true, otherCode: q.other?.value, given: given, draft: session.otherDrafts[q.id])
        case .scale:
            let scale = ScaleWidget(choices: choices, label: label, given: given)
            if scale.fits(width) { return scale }
            return ChoiceWidget(choices: choices, label: label, multiple: false, otherCode: nil, given: given,
                                byValue: isNumericScale(q, choices, label))
        case .matrix:
            return MatrixWidget(rows: (q.rows ?? []).map { ($0.id, session.render($0.text)) }, choices: choices, label: label, given: given)
        case .ranking:
            return RankingWidget(choices: choices, label: label, rank: q.rank ?? choices.count, given: given)
        case .number, .text, .date, .time, .datetime:
            return TextWidget(kind: q.type, precision: q.precision ?? .day, given: given, draft: session.drafts[q.id], width: width,
                              limit: q.type == .text ? q.maxLength : nil, words: session.words)
        case .longText, .open:
            return TextWidget(kind: q.type, precision: .day, given: given, draft: session.drafts[q.id], width: width,
                              limit: q.type == .longText ? q.maxLength : nil, words: session.words)
        case .note, .calculate, .hidden:
            return NoteWidget()
        }
    }

    /// A scale whose points are numbers (labels, if any, only at its ends): in every driver and at
    /// every width its keys are its own values, never positions, so that typing 3 stores 3.
    static func isNumericScale(_ q: Question, _ choices: [Choice], _ label: (Choice) -> String) -> Bool {
        q.type == .scale && choices.allSatisfy { label($0) == String($0.value) || $0 == choices.first || $0 == choices.last }
    }

    static func marker(_ on: Bool, multiple: Bool) -> String {
        multiple ? (on ? "[x]" : "[ ]") : (on ? "(•)" : "( )")
    }
}

extension TextWidget {
    /// A text field takes `?` as part of the answer.
    var typesText: Bool { true }
}
