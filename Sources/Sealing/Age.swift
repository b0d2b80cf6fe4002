import Crypto
import Foundation

/// Sealing and opening files in the age format, version 1, with X25519 recipients
/// (https://c2sp.org/age), so that the standard `age` tool opens what Fieldwork seals and
/// Fieldwork opens what `age -r` sealed.
public enum Age {
    static let x25519Label = Array("age-encryption.org/v1/X25519".utf8)

    /// Whether `bytes` begin as an age file does (sealed, whether or not it can be opened).
    public static func isSealed<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.starts(with: Array("age-encryption.org/v1\n".utf8)) || bytes.starts(with: AgeArmor.begin)
    }

    /// `plaintext` sealed to each of `recipients`.
    public static func seal(_ plaintext: [UInt8], to recipients: [AgeRecipient]) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let fileKey = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let stanzas = recipients.map { wrap(fileKey, to: $0) }
        let header = AgeHeader(stanzas: stanzas, mac: AgeHeader.mac(fileKey: fileKey, stanzas: stanzas))
        let nonce = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return header.encoded + AgePayload.seal(plaintext, fileKey: fileKey, nonce: nonce)
    }

    public static func seal(_ plaintext: Data, to recipient: AgeRecipient) -> Data {
        Data(seal([UInt8](plaintext), to: [recipient]))
    }

    /// The plaintext of an age file, opened with the first identity that matches a stanza.
    /// An armored file (`age -a`) is opened too.
    public static func open(_ sealed: [UInt8], with identities: [AgeIdentity]) throws(AgeError) -> [UInt8] {
        let sealed = sealed.starts(with: AgeArmor.begin) ? try AgeArmor.decode(sealed) : sealed
        let (header, macInput, payload) = try AgeHeader.parse(sealed)
        var fileKey: [UInt8]?
        search: for stanza in header.stanzas where stanza.type == "X25519" {
            // A malformed X25519 stanza is a damaged header, as in age.
            guard stanza.arguments.count == 1, let share = Base64.decode(stanza.arguments[0]), share.count == 32, stanza.body.count == 32 else {
                throw .damagedHeader
            }
            for identity in identities {
                if let key = unwrap(stanza.body, share: share, with: identity) {
                    fileKey = key
                    break search
                }
            }
        }
        guard let fileKey else { throw .noMatchingIdentity }
        let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: fileKey), salt: [UInt8](), info: Array("header".utf8), outputByteCount: 32)
        guard HMAC<SHA256>.isValidAuthenticationCode(header.mac, authenticating: Array(macInput), using: key) else { throw .damagedHeader }
        return try AgePayload.open(sealed[payload...], fileKey: fileKey)
    }

    public static func open(_ sealed: Data, with identity: AgeIdentity) throws(AgeError) -> Data {
        Data(try open([UInt8](sealed), with: [identity]))
    }

    /// The X25519 stanza for one recipient: the file key wrapped under a key agreed between a
    /// fresh ephemeral key and the recipient.
    static func wrap(_ fileKey: [UInt8], to recipient: AgeRecipient) -> AgeHeader.Stanza {
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let share = Array(ephemeral.publicKey.rawRepresentation)
        let body: [UInt8]
        if let key = recipient.key, let secret = try? ephemeral.sharedSecretFromKeyAgreement(with: key) {
            let wrapKey = wrappingKey(secret, share: share, recipient: recipient.raw)
            body = AgePayload.zeroNonce.flatMap { try? ChaChaPoly.seal(fileKey, using: wrapKey, nonce: $0) }.map { Array($0.ciphertext + $0.tag) } ?? []
        } else {
            body = []
        }
        return AgeHeader.Stanza(type: "X25519", arguments: [Base64.encode(share)], body: body)
    }

    static func unwrap(_ body: [UInt8], share: [UInt8], with identity: AgeIdentity) -> [UInt8]? {
        guard let shareKey = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share),
              let key = identity.key, let secret = try? key.sharedSecretFromKeyAgreement(with: shareKey) else { return nil }
        // An all-zero shared secret means a low-order share: refused, as the spec requires.
        guard secret.withUnsafeBytes({ $0.contains { $0 != 0 } }) else { return nil }
        let wrapKey = wrappingKey(secret, share: share, recipient: Array(key.publicKey.rawRepresentation))
        guard let nonce = AgePayload.zeroNonce,
              let box = try? ChaChaPoly.SealedBox(nonce: nonce, ciphertext: body.prefix(16), tag: body.suffix(16)),
              let key = try? ChaChaPoly.open(box, using: wrapKey), key.count == 16 else { return nil }
        return Array(key)
    }

    static func wrappingKey(_ secret: SharedSecret, share: [UInt8], recipient: [UInt8]) -> SymmetricKey {
        secret.hkdfDerivedSymmetricKey(using: SHA256.self, salt: share + recipient, sharedInfo: x25519Label, outputByteCount: 32)
    }
}
