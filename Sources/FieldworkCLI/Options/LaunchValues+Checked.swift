import InstrumentModel
import SessionEngine

extension LaunchValues {
    /// The `--set` values, or the failure that stops the command with status 2 and the reason.
    /// `drawn`: a required one may be left out, because the caller draws it (`simulate`).
    static func checked(_ pairs: [String], for instrument: Instrument, drawn: Bool = false) throws(FieldworkFailure) -> [String: String] {
        do throws(Problem) {
            return try read(pairs, for: instrument, requiring: !drawn)
        } catch {
            throw FieldworkFailure.launchValue(error.message)
        }
    }
}
