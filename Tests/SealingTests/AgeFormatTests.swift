import Foundation
import Sealing
import TestSupport
import Testing

/// The age format against itself, and against the standard `age` tool (its test vectors are
/// made here, by `age -r` and `age-keygen`, so that both directions are checked on every run).
struct AgeFormatTests {
    /// Text of a given length, so that chunk boundaries (64 KiB) fall inside, on and beside it.
    static func text(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(ascii: "a") + UInt8($0 % 26) }
    }

    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 131_072, 200_000])
    func roundTripsAcrossChunkBoundaries(count: Int) throws {
        let identity = AgeIdentity()
        let plain = Self.text(count)
        let sealed = Age.seal(plain, to: [identity.recipient])
        #expect(Age.isSealed(sealed))
        #expect(try Age.open(sealed, with: [identity]) == plain)
    }

    @Test func wrongIdentityIsRefused() {
        let sealed = Age.seal(Self.text(10), to: [AgeIdentity().recipient])
        #expect(throws: AgeError.noMatchingIdentity) { try Age.open(sealed, with: [AgeIdentity()]) }
        #expect(AgeError.noMatchingIdentity.description == "the identity given does not open it (it is sealed to another recipient)")
    }

    @Test func tamperingIsDetected() {
        let identity = AgeIdentity()
        var sealed = Age.seal(Self.text(100), to: [identity.recipient])
        sealed[sealed.count - 20] ^= 1
        #expect(throws: AgeError.damagedPayload) { try Age.open(sealed, with: [identity]) }
        let cut = Array(Age.seal(Self.text(70_000), to: [identity.recipient]).dropLast(5_000))
        #expect(throws: AgeError.damagedPayload) { try Age.open(cut, with: [identity]) }
        #expect(throws: AgeError.notSealed) { try Age.open(Array("{\"answers\": 1}".utf8), with: [identity]) }
    }

    @Test func keysAreSpelledInBech32() throws {
        let identity = AgeIdentity()
        #expect(identity.recipient.description.hasPrefix("age1"))
        #expect(identity.recipient.description.count == 62)
        #expect(identity.secret.hasPrefix("AGE-SECRET-KEY-1"))
        #expect(AgeRecipient(identity.recipient.description) == identity.recipient)
        #expect(AgeIdentity(identity.secret)?.recipient == identity.recipient)
        // One character changed breaks the checksum.
        var spelled = Array(identity.recipient.description)
        spelled[10] = spelled[10] == "q" ? "p" : "q"
        #expect(AgeRecipient(String(spelled)) == nil)
        #expect(AgeRecipient(identity.secret) == nil)
        #expect(throws: AgeError.notAnIdentityFile(line: 2)) { try AgeIdentity.parseFile("# a comment\nage1notakey\n") }
    }

    @Test func ageToolOpensWhatFieldworkSeals() throws {
        guard Tool.available("age") else { print("age is not installed (apt-get install age): skipped"); return }
        let folder = try TemporaryFolder()
        let identity = AgeIdentity()
        let key = try folder.write("identity.txt", identity.fileText)
        for count in [0, 5, 65_536, 100_000] {
            let plain = Self.text(count)
            let file = try folder.write("sealed-\(count).age", Data(Age.seal(plain, to: [identity.recipient])))
            let opened = try Run.command(try #require(Tool.path("age")), ["-d", "-i", key, file])
            #expect(opened.status == 0, "\(opened.stderr)")
            #expect(Array(opened.stdout.utf8) == plain)
        }
        let keygen = try Run.command(try #require(Tool.path("age-keygen")), ["-y", key])
        #expect(keygen.stdout == identity.recipient.description + "\n")
    }

    @Test func fieldworkOpensWhatAgeToolSeals() throws {
        guard Tool.available("age") else { print("age is not installed (apt-get install age): skipped"); return }
        let folder = try TemporaryFolder()
        let key = folder.path + "/key.txt"
        let made = try Run.command(try #require(Tool.path("age-keygen")), ["-o", key])
        #expect(made.status == 0)
        let identities = try AgeIdentity.parseFile(try folder.text("key.txt"))
        let recipient = try Run.command(try #require(Tool.path("age-keygen")), ["-y", key]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(identities.first?.recipient.description == recipient)
        for count in [0, 5, 65_536, 65_537, 150_000] {
            let plain = Self.text(count)
            let input = try folder.write("plain-\(count)", Data(plain))
            let output = folder.path + "/sealed-\(count).age"
            let sealed = try Run.command(try #require(Tool.path("age")), ["-r", recipient, "-o", output, input])
            #expect(sealed.status == 0, "\(sealed.stderr)")
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
            #expect(try Age.open(bytes, with: identities) == plain)
            #expect(throws: AgeError.noMatchingIdentity) { try Age.open(bytes, with: [AgeIdentity()]) }
        }
    }
}

extension AgeFormatTests {
    @Test func opensArmoredFilesTheAgeToolWrites() throws {
        guard Tool.available("age") else { print("age is not installed (apt-get install age): skipped"); return }
        let folder = try TemporaryFolder()
        let identity = AgeIdentity()
        for count in [0, 100, 70_000] {
            let input = try folder.write("plain-\(count)", Data(Self.text(count)))
            let output = folder.path + "/armored-\(count).age"
            let sealed = try Run.command(try #require(Tool.path("age")), ["-a", "-r", identity.recipient.description, "-o", output, input])
            #expect(sealed.status == 0, "\(sealed.stderr)")
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
            #expect(Age.isSealed(bytes))
            #expect(try Age.open(bytes, with: [identity]) == Self.text(count))
        }
    }
}
