import Crypto
import Foundation

/// The key that turns participant codes into pseudonyms. It lives outside the responses
/// folder, so the responses alone cannot be linked back to a code.
public struct StudyKey {
    let key: SymmetricKey
    public let path: String

    /// Loads the key, or creates one (owner-only) when the file does not exist yet.
    /// `created` tells the caller to say where it is and to back it up. Runners that start at
    /// once on a new study all end up with the one key that was created first: a second key
    /// would give one participant code two pseudonyms.
    public static func loadOrCreate(at path: String) throws(StoreError) -> (key: StudyKey, created: Bool) {
        if StoreIO.exists(path) {
            return (try load(at: path), false)
        }
        if let folder = StoreIO.parent(of: path) { try StoreIO.makeDirectory(folder) }
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
        guard try StoreIO.createExclusively(Data((hex + "\n").utf8), at: path) else {
            return (try load(at: path), false)
        }
        return (StudyKey(key: key, path: path), true)
    }

    public static func load(at path: String) throws(StoreError) -> StudyKey {
        let text = String(decoding: try StoreIO.read(path), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes: [UInt8] = []
        var chars = Array(text.utf8)[...]
        while chars.count >= 2 {
            guard let b = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) else { break }
            bytes.append(b)
            chars = chars.dropFirst(2)
        }
        guard bytes.count == 32, chars.isEmpty else {
            throw StoreError("the study key '\(path)' is damaged (it should be 64 hexadecimal digits); restore it from your backup")
        }
        return StudyKey(key: SymmetricKey(data: bytes), path: path)
    }

    /// `p_` and 16 hex digits of HMAC-SHA-256 over the code, trimmed, lowercased and in NFC,
    /// so that "AB12 " and "ab12" are the same participant.
    public func pseudonym(for code: String) -> String {
        let normal = code.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().precomposedStringWithCanonicalMapping
        let mac = HMAC<SHA256>.authenticationCode(for: Data(normal.utf8), using: key)
        return "p_" + mac.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
