import ArgumentParser
import Foundation
import InstrumentModel

struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Run an interview guide: the interviewer's screen, with an outline, probes and time-stamped notes.",
        discussion: """
        The interviewer is at the keyboard. The outline of the guide stands beside the current \
        question (Ctrl-O to jump anywhere); probes are ticked as asked (Ctrl-P, then 1-9); every \
        paragraph of notes is saved when Enter is pressed, stamped with the time since the \
        interview started ([12:40]), so notes line up with a recording. Tab and Shift-Tab move \
        to the next and previous question; Ctrl-X ends the interview; Ctrl-C leaves it to resume \
        later. With --group N the speakers are P1 to PN and F (the facilitator): start a \
        paragraph with '3:' or 'F:'. A guide with 'group: {min: M, max: N}' asks for the number \
        when --group is missing. 'fieldwork run' on a guide shows the same screen. Exit \
        status: 0 when the interview ended, 1 on errors, 2 on wrong use, 3 when saved to resume.
        """
    )

    @Argument(help: ArgumentHelp("The interview guide.", valueName: "file"))
    var path: String

    @OptionGroup var options: RunnerOptions

    @Option(help: ArgumentHelp("A group discussion with this many participants (named P1 to PN, never by name).", valueName: "n"))
    var group: Int?

    @OptionGroup var start: StartOptions

    func validate() throws {
        if let group, !(2...99).contains(group) { throw ValidationError("--group takes the number of participants, from 2 to 99") }
    }

    func run() throws {
        let loaded = try LoadedInstrument.load(path, color: options.color)
        let guide = loaded.instrument
        guard guide.kind == .interview else {
            throw ValidationError("'\(path)' is a survey; run it with 'fieldwork run \(path)'")
        }
        try Runner.start(loaded, options: options, start: start, group: try groupSize(for: guide.group))
    }

    /// The number of participants: `--group`, checked against what the guide is for, or asked
    /// for when the guide is a group discussion and `--group` is missing.
    private func groupSize(for planned: GroupSize?) throws -> Int? {
        guard let planned else { return group }
        let range = "\(planned.min) to \(planned.max)"
        if let group {
            guard planned.range.contains(group) else {
                throw ValidationError("this guide is for groups of \(range) participants, but --group is \(group)")
            }
            return group
        }
        Platform.write("This guide is for a group discussion. ")
        while true {
            Platform.write("How many participants are there (\(range))? ")
            guard let line = readLine() else {
                Platform.write("\n")
                throw ValidationError("this guide is for a group discussion: give the number of participants with --group N (\(range))")
            }
            if let n = Int(line.trimmingCharacters(in: .whitespaces)), planned.range.contains(n) { return n }
            Platform.write("That is not a number from \(range).\n")
        }
    }
}
