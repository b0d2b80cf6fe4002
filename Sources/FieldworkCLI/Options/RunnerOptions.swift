import ArgumentParser
import Sealing

/// Options shared by `run` and `resume`.
struct RunnerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The responses folder.", valueName: "folder"))
    var responses = "responses"

    @Flag(help: "Numbered prompts, one per line (for screen readers and scripts). Chosen automatically when input or output is not a terminal.")
    var plain = false

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Seal finished responses, identifying answers and journals to this age recipient (age1…, from 'fieldwork keys new'); the instrument's privacy.seal_to does the same.",
                               valueName: "recipient"))
    var sealTo: String?

    /// The recipient of `--seal-to`, or else of the instrument, checked; nil for neither.
    func recipient(instrument: String?) throws -> AgeRecipient? { try Self.recipient(sealTo, instrument: instrument) }

    /// The recipient of a `--seal-to` (run's, resume's or serve's), or else of the instrument, checked.
    static func recipient(_ sealTo: String?, instrument: String?) throws -> AgeRecipient? {
        if let sealTo, let instrument, sealTo != instrument {
            throw ValidationError("--seal-to \(sealTo) differs from the instrument's privacy.seal_to \(instrument); give one recipient per study")
        }
        guard let text = sealTo ?? instrument else { return nil }
        guard let recipient = AgeRecipient(text) else {
            throw ValidationError("'\(text)' is not an age recipient; give the public recipient (age1…) that 'fieldwork keys new' printed")
        }
        return recipient
    }

    func validate() throws {
        // An empty name would put the responses at the top of the file system.
        if responses.isEmpty { throw ValidationError("--responses needs a folder's name") }
        try Self.validate(sealTo: sealTo)
    }

    static func validate(sealTo: String?) throws {
        if let sealTo, AgeRecipient(sealTo) == nil {
            throw ValidationError("--seal-to takes an age recipient (age1…, from 'fieldwork keys new'); '\(sealTo)' is not one")
        }
    }
}
