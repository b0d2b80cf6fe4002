import InstrumentCompiler

extension FieldworkFailure {
    /// What standard error shows, whole lines each ending in a newline; empty when the command's
    /// own output has already said it.
    ///
    /// Every failure is worded here, in the house style (`error: ` and a lowercase message that
    /// quotes the names involved), so that two commands never word one failure two ways.
    var message: String {
        switch self {
        case .problemsReported, .savedForLater:
            return ""
        case .instrumentHasErrors(let file, let color):
            let renderer = DiagnosticRenderer(color: color)
            return file.result.diagnostics.map { renderer.text($0, path: file.path, source: file.lines) }.joined()
                + "The instrument has errors; fix them first ('fieldwork check \(file.path)').\n"
        case .notACompiledInstrument(let path):
            return error("'\(path)' is not a compiled instrument (the JSON that 'fieldwork compile' writes)")
        case .cannotCompare(let failure):
            return failure.message
        case .cannotWrite(let path, let reason):
            return error("cannot write '\(path)': \(Platform.describe(reason))")
        case .cannotWriteIn(let folder, let reason):
            return error("cannot write in '\(folder)': \(Platform.describe(reason))")
        case .store(let error), .sealed(let error):
            return self.error(error.description)
        case .export(let error):
            return self.error(error.description)
        case .sessionStopped(let error, let journal):
            // The screen may have stopped mid-line; a blank line sets the message apart from it.
            return "\n" + self.error(error.description,
                                     "Everything answered before this point is saved in \(journal); continue later with 'fieldwork resume'.")
        case .cannotServe(let reason), .launchValue(let reason):
            return error(reason)
        case .instrumentCopyUnreadable(let path):
            return error("the instrument this session answered is missing or damaged ('\(path)')")
        case .holdsRealResponses(let folder, let instrumentID):
            return error("'\(folder)' holds real responses to '\(instrumentID)'; write simulated ones to another folder")
        case .filesSkipped(let files):
            let n = files.count
            return files.map { "warning: \($0)\n" }.joined()
                + error("\(n) file\(n == 1 ? " was" : "s were") not read (listed above); only the responses that could be read are in the result")
        case .noStudyKey(let path):
            return error("there is no study key at '\(path)'.",
                         "Without the key a code cannot be matched to its responses, so nothing was removed.",
                         "If the key was moved or restored from a backup, give it with --key-file.")
        }
    }

    /// `error: ` and the summary, then any further lines, each ending in a newline.
    private func error(_ summary: String, _ more: String...) -> String {
        (["error: " + summary] + more).map { $0 + "\n" }.joined()
    }
}
