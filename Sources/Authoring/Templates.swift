import Foundation

/// Small, valid, commented instruments to start from (`fieldwork new`).
public enum Templates {
    public enum Kind: String, CaseIterable, Sendable { case survey, interview }

    /// The instrument's YAML, with `id` set from the file name the evaluator chose.
    public static func text(_ kind: Kind, id: String) -> String {
        let text = switch kind {
        case .survey: survey(id)
        case .interview: interview(id)
        }
        // A file that ends without a line break shows as changed in every editor that adds one.
        return alignComments(text) + "\n"
    }

    /// Starts the comments beside neighbouring lines in one column, two spaces after the longest
    /// of those lines, so that a long id does not push one comment out of line with the next.
    static func alignComments(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func split(_ line: String) -> (code: String, comment: String)? {
            guard !line.drop(while: { $0 == " " }).hasPrefix("#"), let hash = line.range(of: " # ") else { return nil }
            var code = String(line[..<hash.lowerBound])
            while code.last == " " { code.removeLast() }
            return (code, String(line[line.index(after: hash.lowerBound)...]))
        }
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count, split(lines[end]) != nil { end += 1 }
            if end > start {
                let parts = lines[start..<end].compactMap(split)
                let column = (parts.map(\.code.count).max() ?? 0) + 2
                for (offset, part) in parts.enumerated() {
                    lines[start + offset] = part.code.padding(toLength: column, withPad: " ", startingAt: 0) + part.comment
                }
            }
            start = end + 1
        }
        return lines.joined(separator: "\n")
    }

    private static func survey(_ id: String) -> String {
        """
        # A new survey. Check it with:   fieldwork check \(id).yaml
        # Try it yourself with:          fieldwork run \(id).yaml --responses /tmp/try
        # Every key is described in docs/reference.md.
        format: 1
        id: \(id)                 # names the responses folder; keep it once responses exist
        version: 0.1.0            # raise it whenever a question changes after fieldwork starts
        kind: survey
        title: A new survey
        description: |
          What the survey is about and how long it takes.
          Say that any question can be skipped and that people can stop at any time.
        consent:
          text: |
            Who is asking, why, and what happens to the answers. Answers are stored without
            names. Taking part is voluntary.
          agree: I have read the information above and agree to take part
          decline: I would rather not take part
        end: |
          Thank you for taking part. Say here where to find support if anything was upsetting.
        privacy:
          participant: none       # or 'code': a study code, stored only as a pseudonym
          timestamps: date        # none, date or minute
          redact: [email, phone, url, postcode]   # removed from free text before it is saved

        choice_sets:              # answer lists shared by several questions
          agree5:
            - {value: 1, label: Strongly disagree}
            - {value: 2, label: Disagree}
            - {value: 3, label: Neither agree nor disagree}
            - {value: 4, label: Agree}
            - {value: 5, label: Strongly agree}
            - {value: -9, label: Prefer not to say, missing: true}

        sections:
          - id: about_you
            title: About you
            questions:
              - id: involvement
                type: single
                text: How long have you been involved with the service?
                choices: [Less than 6 months, 6 to 12 months, More than a year]
                required: true    # only where the survey cannot do without the answer
              - id: support
                type: multiple
                text: Which kinds of support have you used?
                help: Choose all that apply.
                choices:
                  - One-to-one peer support
                  - A peer support group
                  - {value: 99, label: None of these, exclusive: true}
                other: true       # adds "Other" with a box to say what
              - id: valued
                type: scale
                text: I feel my experience is valued here.
                choices: agree5
              - id: age
                type: number
                text: How old are you?
                min: 16
                max: 110
              - id: support_used_note
                type: note
                text: Thank you. The next questions are about the support you used.
                show_if: 99 not in support

          - id: your_views
            title: Your views
            questions:
              - id: best_thing
                type: long_text
                text: What is the best thing about the service for you?
                max_length: 2000
        """
    }

    private static func interview(_ id: String) -> String {
        """
        # A new interview guide. Check it with:   fieldwork check \(id).yaml
        # Run it with:                            fieldwork run \(id).yaml
        # Every key is described in docs/reference.md.
        format: 1
        id: \(id)
        version: 0.1.0            # raise it whenever a question changes after interviews start
        kind: interview
        title: A new interview guide
        description: |
          One-to-one interview, about 45 minutes. Notes are stamped with the time since the start.
        consent:
          text: |
            Read or summarise the information sheet: what the interview is about, how long it
            takes, that any question can be skipped, and how what is said will be reported.
          agree: The participant has read the information sheet and agrees to be interviewed
        end: |
          Thank the participant and remind them where to find support if anything came up.
        privacy:
          participant: code       # a study code, stored only as a pseudonym
          timestamps: date
          redact: [email, phone, url, postcode]

        sections:
          - id: background
            title: Background
            minutes: 5            # planned minutes, shown against the time taken
            questions:
              - id: role
                type: single
                text: What is your role?
                choices: [Service user, Peer worker, Staff member]
                other: true

          - id: experience
            title: Experience
            minutes: 25
            questions:
              - id: first_contact
                type: open
                text: Can you tell me how you first came into contact with the service?
                instructions: Let the participant tell it in their own way before probing.
                probes:
                  - What did you expect?
                  - Who did you meet first?
                minutes: 10
              - id: what_helped
                type: open
                text: What has helped you most, and why?
                probes:
                  - Can you give an example?
                  - Was anything unhelpful?
                minutes: 15

          - id: close
            title: Closing
            minutes: 5
            questions:
              - id: anything_else
                type: open
                text: Is there anything else you would like to tell us?
        """
    }
}
