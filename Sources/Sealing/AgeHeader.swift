import Crypto
import Foundation

/// The text header of an age v1 file (C2SP age spec): the version line, one stanza per
/// recipient, and the MAC line. Stanza bodies are base64 without padding, in lines of 64
/// columns, the last one shorter (empty when the body fills the one before exactly).
struct AgeHeader {
    static let versionLine = "age-encryption.org/v1"

    struct Stanza {
        var type: String
        var arguments: [String]
        var body: [UInt8]

        var text: String {
            var lines = "-> " + ([type] + arguments).joined(separator: " ") + "\n"
            let encoded = Array(Base64.encode(body).utf8)
            var i = 0
            repeat {
                let end = min(i + 64, encoded.count)
                lines += String(decoding: encoded[i..<end], as: UTF8.self) + "\n"
                i += 64
            } while i <= encoded.count
            return lines
        }
    }

    var stanzas: [Stanza]
    var mac: [UInt8]

    /// The header's bytes up to and including `---`, which the MAC covers.
    static func macInput(_ stanzas: [Stanza]) -> String {
        versionLine + "\n" + stanzas.map(\.text).joined() + "---"
    }

    static func mac(fileKey: [UInt8], stanzas: [Stanza]) -> [UInt8] {
        let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: fileKey), salt: [UInt8](), info: Array("header".utf8), outputByteCount: 32)
        return Array(HMAC<SHA256>.authenticationCode(for: Array(macInput(stanzas).utf8), using: key))
    }

    /// The whole header, ending with the line break before the payload.
    var encoded: [UInt8] { Array((Self.macInput(stanzas) + " " + Base64.encode(mac) + "\n").utf8) }

    /// Parses the header at the start of `bytes`; returns it and where the payload starts.
    static func parse(_ bytes: [UInt8]) throws(AgeError) -> (header: AgeHeader, macInput: ArraySlice<UInt8>, payload: Int) {
        var position = 0
        func line() throws(AgeError) -> String {
            guard let end = bytes[position...].firstIndex(of: 0x0A) else { throw .damagedHeader }
            let text = bytes[position..<end]
            guard text.allSatisfy({ (0x20...0x7E).contains($0) }) else { throw .damagedHeader }
            position = end + 1
            return String(decoding: text, as: UTF8.self)
        }
        guard bytes.starts(with: Array((versionLine + "\n").utf8)) else {
            throw bytes.starts(with: Array("age-encryption.org/".utf8)) ? .damagedHeader : .notSealed
        }
        position = versionLine.utf8.count + 1
        var stanzas: [Stanza] = []
        var next = try line()
        while next.hasPrefix("-> ") {
            let parts = next.dropFirst(3).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard let type = parts.first, parts.allSatisfy({ !$0.isEmpty }) else { throw .damagedHeader }
            var body: [UInt8] = []
            while true {
                let chunk = try line()
                guard chunk.utf8.count <= 64, let decoded = Base64.decode(chunk) else { throw .damagedHeader }
                body += decoded
                if chunk.utf8.count < 64 { break }
            }
            stanzas.append(Stanza(type: type, arguments: Array(parts.dropFirst()), body: body))
            next = try line()
        }
        guard !stanzas.isEmpty, next.hasPrefix("--- "), let mac = Base64.decode(String(next.dropFirst(4))), mac.count == 32 else {
            throw .damagedHeader
        }
        let macEnd = position - 1 - (next.utf8.count - 3)
        return (AgeHeader(stanzas: stanzas, mac: mac), bytes[0..<macEnd], position)
    }
}

/// Base64 with the standard alphabet and no padding, as age writes it; decoding refuses padding
/// and non-canonical trailing bits, as age does.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    static func decode(_ text: String) -> [UInt8]? {
        guard !text.contains("="), text.utf8.count % 4 != 1 else { return nil }
        let padded = text + String(repeating: "=", count: (4 - text.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: padded) else { return nil }
        let bytes = [UInt8](data)
        return encode(bytes) == text ? bytes : nil
    }
}
