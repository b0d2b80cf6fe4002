/// "A long instrument" (issue 12): more than a screen at 80x24 wherever it can be. A consent of
/// `consentLines` numbered lines, a 16-item choice list ending in "Other", a 12-row matrix
/// with a five-point agreement scale, and a scale for resizing. Written out as YAML so that the
/// screen tests compile it and the terminal tests run it from a file.
public func longInstrumentYAML(consentLines: Int = 10, support: Bool = false) -> String {
    let consent = (1...consentLines).map { "      - Consent line \($0) of \(consentLines): please read this before agreeing." }
        .joined(separator: "\n")
    let places = ["Home", "Work", "School", "Library", "Cafe", "Park", "Gym", "Church", "Shop", "Bus",
                  "Train", "Clinic", "Pharmacy", "Friend's house", "Community centre"]
    let rows = (1...12).map { "          - {id: r\($0), text: Statement number \($0) about the service you received}" }
        .joined(separator: "\n")
    return """
        format: 1
        id: long-instrument
        version: 1.0.0
        title: A long instrument
        description: A survey longer than the screen, for testing scrolling.
        \(support ? "support: If anything here upsets you, call the study team on 0800 000 000.\n" : "")consent:
          text: |
        \(consent)
          agree: I agree to take part
        sections:
          - id: s
            questions:
              - id: where
                type: single
                text: Where do you usually go online?
                choices: [\(places.map { "\"\($0)\"" }.joined(separator: ", "))]
                other: true
              - id: grid
                type: matrix
                text: How far do you agree with each statement?
                choices: [Strongly disagree, Disagree, Neither agree nor disagree, Agree, Strongly agree]
                rows:
        \(rows)
              - {id: mood, type: scale, text: Mood today?, from: 0, to: 10, labels: {0: Very low, 10: Very good}}

        """
}
