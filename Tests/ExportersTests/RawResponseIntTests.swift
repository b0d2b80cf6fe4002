@testable import Exporters
import Testing

/// A run of digits longer than any code, in a damaged response file, is not a number the wide
/// CSV can label: it is written as it stands, never trapping on overflow (found by fuzzing).
@Suite struct RawResponseIntTests {
    func int(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { RawResponse.int($0, 0..<bytes.count) }
    }

    @Test func readsWholeNumbersAndRefusesOverlongOnes() {
        #expect(int("-99") == -99)
        #expect(int("999999999999999") == 999_999_999_999_999)
        #expect(int(String(repeating: "1", count: 16)) == nil)
        #expect(int(String(repeating: "1", count: 69)) == nil)
        #expect(int("-" + String(repeating: "9", count: 40)) == nil)
    }
}
