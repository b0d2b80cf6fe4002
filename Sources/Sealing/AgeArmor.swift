import Foundation

/// age's ASCII armor (`age -a`): the binary file in strict PEM, base64 in lines of 64 columns
/// (the last shorter) between BEGIN and END lines. Read only: Fieldwork writes binary files.
enum AgeArmor {
    static let begin = Array("-----BEGIN AGE ENCRYPTED FILE-----".utf8)
    static let end = "-----END AGE ENCRYPTED FILE-----"

    static func decode(_ bytes: [UInt8]) throws(AgeError) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.count >= 3, lines.first == Substring(String(decoding: begin, as: UTF8.self)), lines.last == Substring(end) else {
            throw .damagedHeader
        }
        lines = Array(lines.dropFirst().dropLast())
        for (i, line) in lines.enumerated() where (line.count != 64 && i != lines.count - 1) || line.count > 64 || line.isEmpty {
            throw .damagedHeader
        }
        guard let data = Data(base64Encoded: lines.joined()) else { throw .damagedHeader }
        return [UInt8](data)
    }
}
