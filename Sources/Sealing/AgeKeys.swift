import Crypto
import Foundation

/// A public age X25519 key (`age1…`): whoever has it can seal files that only its identity opens.
public struct AgeRecipient: Sendable, Equatable, CustomStringConvertible {
    /// The key's 32 bytes (swift-crypto's key types are not `Sendable`).
    let raw: [UInt8]

    /// The recipient spelled `age1…`; nil for anything else.
    public init?(_ text: String) {
        guard let (hrp, data) = Bech32.decode(text), hrp == "age", data.count == 32,
              (try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: data)) != nil else { return nil }
        raw = data
    }

    init(raw: [UInt8]) { self.raw = raw }

    /// The key (its bytes were checked when it was made, so this is nil only in theory).
    var key: Curve25519.KeyAgreement.PublicKey? { try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) }

    public var description: String { Bech32.encode(hrp: "age", raw) }
}

/// A private age X25519 key (`AGE-SECRET-KEY-1…`), the analyst's: it opens what was sealed to its recipient.
public struct AgeIdentity: Sendable {
    /// The key's 32 bytes (swift-crypto's key types are not `Sendable`).
    let raw: [UInt8]

    /// A new identity from the system's random source.
    public init() { raw = Array(Curve25519.KeyAgreement.PrivateKey().rawRepresentation) }

    /// The identity spelled `AGE-SECRET-KEY-1…`; nil for anything else.
    public init?(_ text: String) {
        guard let (hrp, data) = Bech32.decode(text), hrp == "age-secret-key-", data.count == 32,
              (try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: data)) != nil else { return nil }
        raw = data
    }

    /// The key (its bytes were checked when it was made, so this is nil only in theory).
    var key: Curve25519.KeyAgreement.PrivateKey? { try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) }

    public var recipient: AgeRecipient { AgeRecipient(raw: key.map { Array($0.publicKey.rawRepresentation) } ?? []) }

    /// The identity as `age-keygen` spells it (upper case).
    public var secret: String { Bech32.encode(hrp: "age-secret-key-", raw).uppercased() }

    /// An identity file as `age-keygen` writes it: comment lines, then the key. `age -i` reads it.
    public var fileText: String { "# public key: \(recipient)\n\(secret)\n" }

    /// The identities of an identity file: every `AGE-SECRET-KEY-1…` line; `#` lines and blank
    /// lines are passed over. Throws, naming the line, for any other line.
    public static func parseFile(_ text: String) throws(AgeError) -> [AgeIdentity] {
        var found: [AgeIdentity] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let identity = AgeIdentity(line) else { throw .notAnIdentityFile(line: n + 1) }
            found.append(identity)
        }
        guard !found.isEmpty else { throw .notAnIdentityFile(line: nil) }
        return found
    }
}
