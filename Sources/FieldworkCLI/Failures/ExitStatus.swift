/// The exit statuses of every command, in one table.
///
/// Scripts and study pipelines branch on these numbers, and the README promises them, so each
/// command names a case here rather than a number of its own.
enum ExitStatus: Int32 {
    /// The command did what it was asked: a session ended (completed, or consent declined), every
    /// file is clean, every scenario passed, the data stay comparable.
    case success = 0
    /// Problems were found or could not be got round: an instrument has errors, responses cannot
    /// be written or read, checks or scenarios failed, `diff` found data no longer comparable.
    case failure = 1
    /// The command was used wrongly: a missing file, an unknown option, a value out of range.
    /// `diff` also uses it when the two versions could not be compared, so that 1 keeps
    /// meaning "not comparable".
    case wrongUse = 2
    /// A session was left early and saved, to carry on later with `fieldwork resume`.
    case savedForLater = 3

    /// The table in words, for `fieldwork --help`; written from the cases so that it cannot
    /// drift from them.
    static let summary = """
        Exit status: \(success.rawValue) done; \(failure.rawValue) problems found (an instrument with errors, \
        responses that cannot be written, failed checks or scenarios, data no longer comparable); \
        \(wrongUse.rawValue) wrong use; \(savedForLater.rawValue) a session saved to carry on later.
        """
}
