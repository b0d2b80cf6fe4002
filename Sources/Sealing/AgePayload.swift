import Crypto
import Foundation

/// age's payload: a 16-byte nonce, then the plaintext in chunks of 64 KiB, each sealed with
/// ChaCha20-Poly1305 under a key derived from the file key and the nonce. A chunk's nonce is
/// its number (11 bytes, big-endian) and a last-chunk flag, so chunks cannot be reordered,
/// dropped or cut off unnoticed.
enum AgePayload {
    static let chunkSize = 64 * 1024

    static func key(fileKey: [UInt8], nonce: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: fileKey), salt: nonce, info: Array("payload".utf8), outputByteCount: 32)
    }

    /// Nil only in theory: twelve bytes are always a valid nonce.
    static func chunkNonce(_ counter: UInt64, last: Bool) -> ChaChaPoly.Nonce? {
        var bytes = [UInt8](repeating: 0, count: 12)
        for i in 0..<8 { bytes[3 + i] = UInt8(truncatingIfNeeded: counter >> (8 * (7 - UInt64(i)))) }
        bytes[11] = last ? 1 : 0
        return try? ChaChaPoly.Nonce(data: bytes)
    }

    /// The nonce of X25519 stanza bodies: twelve zero bytes.
    static var zeroNonce: ChaChaPoly.Nonce? { chunkNonce(0, last: false) }

    static func seal(_ plaintext: [UInt8], fileKey: [UInt8], nonce: [UInt8]) -> [UInt8] {
        let key = key(fileKey: fileKey, nonce: nonce)
        var out = nonce
        var start = 0
        var counter: UInt64 = 0
        repeat {
            let end = min(start + chunkSize, plaintext.count)
            let last = end == plaintext.count
            // Sealing with a valid key and nonce cannot fail.
            if let nonce = chunkNonce(counter, last: last), let box = try? ChaChaPoly.seal(plaintext[start..<end], using: key, nonce: nonce) {
                out += box.ciphertext + box.tag
            }
            start = end
            counter += 1
        } while start < plaintext.count
        return out
    }

    static func open(_ sealed: ArraySlice<UInt8>, fileKey: [UInt8]) throws(AgeError) -> [UInt8] {
        guard sealed.count >= 16 + 16 else { throw .damagedPayload }
        let key = key(fileKey: fileKey, nonce: Array(sealed.prefix(16)))
        var rest = sealed.dropFirst(16)
        var plaintext: [UInt8] = []
        var counter: UInt64 = 0
        while true {
            let size = min(rest.count, chunkSize + 16)
            let chunk = rest.prefix(size)
            rest = rest.dropFirst(size)
            let last = rest.isEmpty
            guard chunk.count >= 16, let nonce = chunkNonce(counter, last: last),
                  let box = try? ChaChaPoly.SealedBox(nonce: nonce, ciphertext: chunk.dropLast(16), tag: chunk.suffix(16)),
                  let opened = try? ChaChaPoly.open(box, using: key) else { throw .damagedPayload }
            // Only the whole of an empty file is an empty chunk.
            if opened.isEmpty && counter > 0 { throw .damagedPayload }
            plaintext += opened
            if last { return plaintext }
            counter += 1
        }
    }
}
