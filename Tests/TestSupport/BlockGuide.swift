/// A guide with a repeated block inside a section (issue 16, interviews): the topics raised, a
/// block asked once per topic, a question after the block, then a closing section. One fixture for
/// the driver's screen tests and the real-terminal tests, so that both run the same guide.
public let blockGuideYAML = """
    format: 1
    id: blocks
    version: 1.0.0
    kind: interview
    title: Blocks
    consent:
      text: Read the information sheet.
      agree: The participant agrees
    sections:
      - id: talk
        title: Talk
        minutes: 10
        questions:
          - {id: topics, type: multiple, text: Which topics did the participant raise?, choices: [Housing, Money, Work]}
          - block: topic
            title: "{topics.label}"
            repeat: {for_each: topics}
            questions:
              - {id: topic_notes, type: open, text: "Tell me more about {topics.label}.", probes: [Since when?]}
          - {id: wrap_notes, type: open, text: Anything to add?}
      - id: close
        title: Closing
        questions:
          - {id: final_notes, type: open, text: Last words?}

    """
