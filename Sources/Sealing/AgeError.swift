/// Why a sealed file could not be opened, or a key not read: data, given words in one place.
public enum AgeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes do not begin `age-encryption.org/v1`.
    case notSealed
    /// The header is damaged or not version 1 (cut short, bad base64, a MAC that does not match).
    case damagedHeader
    /// No identity given matches any X25519 stanza: sealed to someone else.
    case noMatchingIdentity
    /// A chunk of the payload fails its tag, is missing, or follows the last one.
    case damagedPayload
    /// A key file line that is not an identity (1-based), or no identity at all (nil).
    case notAnIdentityFile(line: Int?)

    public var description: String {
        switch self {
        case .notSealed: "it is not an age file"
        case .damagedHeader: "its age header is damaged"
        case .noMatchingIdentity: "the identity given does not open it (it is sealed to another recipient)"
        case .damagedPayload: "its sealed content is damaged or cut short"
        case .notAnIdentityFile(let line?): "line \(line) is not an age identity (AGE-SECRET-KEY-1…)"
        case .notAnIdentityFile(nil): "it holds no age identity (AGE-SECRET-KEY-1…)"
        }
    }
}
