import Foundation
import InstrumentModel

/// Reads a compiled instrument (the JSON `fieldwork compile` writes) and checks that every
/// expression in it parses, so that a damaged file is refused where it is loaded.
///
/// Decoding alone accepts a file whose `show_if` was cut short or edited by hand; the engine
/// would then have nothing to evaluate. Loading through here turns that into an error that
/// names the expression, before any participant sees the instrument.
public enum CompiledInstrument {
    public enum Problem: Error, Sendable, CustomStringConvertible {
        /// The bytes are not the JSON of a compiled instrument.
        case notAnInstrument(String)
        case damaged(DamagedExpression)

        public var description: String {
            switch self {
            case .notAnInstrument(let why): "not a compiled instrument (\(why))"
            case .damaged(let damage): damage.description
            }
        }
    }

    public static func decode(_ data: Data) throws(Problem) -> Instrument {
        let instrument: Instrument
        do { instrument = try JSONDecoder().decode(Instrument.self, from: data) } catch {
            throw .notAnInstrument(String(describing: error))
        }
        do throws(DamagedExpression) { _ = try InstrumentExpressions(instrument) } catch { throw .damaged(error) }
        return instrument
    }
}
