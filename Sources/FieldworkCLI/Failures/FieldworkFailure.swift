import Exporters
import ResponseStore

/// Why a command stopped short, kept as data: what happened and to which file, not yet words.
///
/// Commands throw it and `FieldworkMain` alone writes it out, the way swift-argument-parser keeps
/// its parse errors as data until one place words them; so the wording of every failure lives in
/// `FieldworkFailure+Message.swift` and every exit status comes from `ExitStatus`.
enum FieldworkFailure: Error {
    /// The command's own report has said what is wrong (failed checks or scenarios, an instrument
    /// that does not compile, data that stop being comparable); only the exit status is left.
    case problemsReported
    /// A session was left early; the driver has already said how to carry on.
    case savedForLater
    /// An instrument with errors was named for use: its diagnostics, and where to see them all.
    /// The colour is decided by the command, once, for standard error.
    case instrumentHasErrors(CompiledFile, color: Bool)
    /// A `.json` file given as an instrument is not what `fieldwork compile` writes.
    case notACompiledInstrument(path: String)
    /// `diff` could not load one of the two versions; the failure inside says why.
    indirect case cannotCompare(FieldworkFailure)
    /// A file the command was asked to write could not be written.
    case cannotWrite(path: String, reason: any Error)
    /// A file could not be written inside a folder the command was given.
    case cannotWriteIn(folder: String, reason: any Error)
    /// The response store failed (its folder, a journal, the study key); its words name the file.
    case store(StoreError)
    /// An export failed; its words say why.
    case export(ExportError)
    /// The store failed in the middle of a session: say what is kept and how to carry on.
    case sessionStopped(StoreError, journal: String)
    /// The compiled copy of the instrument a saved session answered is missing or damaged.
    case instrumentCopyUnreadable(path: String)
    /// `simulate --out` was pointed at a folder holding real responses to the instrument.
    case holdsRealResponses(folder: String, instrumentID: String)
    /// `withdraw` has no study key, so no code can be matched to its responses.
    case noStudyKey(path: String)
    /// Files of a responses folder could not be read; what could be read was used.
    case filesSkipped([SkippedFile])
    /// `serve` could not start (its host key, its port); the words say why.
    case cannotServe(String)
    /// A sealed folder was to be read without its identity, or with another one.
    case sealed(StoreError)
    /// A `--set` value that does not fit the instrument's hidden questions, or one missing.
    case launchValue(String)

    /// The library's own errors, met anywhere in a command, as failures.
    ///
    /// Commands let `StoreError` and `ExportError` pass up untouched, so this is the one place
    /// each becomes a failure; nil for errors that are not ours (swift-argument-parser's).
    init?(_ error: any Error) {
        switch error {
        case let failure as FieldworkFailure: self = failure
        case let error as StoreError: self = .store(error)
        case let error as ExportError: self = .export(error)
        default: return nil
        }
    }

    /// The status the process leaves with.
    var status: ExitStatus {
        switch self {
        case .savedForLater: .savedForLater
        case .cannotCompare, .sealed, .launchValue: .wrongUse
        case .problemsReported, .instrumentHasErrors, .notACompiledInstrument, .cannotWrite, .cannotWriteIn,
             .store, .export, .sessionStopped, .instrumentCopyUnreadable, .holdsRealResponses, .noStudyKey, .filesSkipped, .cannotServe:
            .failure
        }
    }
}
