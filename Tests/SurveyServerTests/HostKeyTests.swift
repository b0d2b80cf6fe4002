import Foundation
import SurveyServer
import TestSupport
import Testing

@Suite struct HostKeyTests {
    @Test func madeOnceOwnerOnlyAndFoundAgain() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/keys/host_key"
        let (made, created) = try HostKey.loadOrCreate(at: path)
        #expect(created)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let (again, createdAgain) = try HostKey.loadOrCreate(at: path)
        #expect(!createdAgain)
        #expect(again.fingerprint == made.fingerprint)
        #expect(made.fingerprint.hasPrefix("SHA256:"))
        #expect(made.fingerprint.count == 7 + 43)
    }

    /// The fingerprint printed is the one OpenSSH's own tool computes from the public key.
    @Test(.enabled(if: Tool.available("ssh-keygen"))) func fingerprintMatchesSSHKeygen() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/host_key"
        let (key, _) = try HostKey.loadOrCreate(at: path)
        let run = try Run.command(Tool.path("ssh-keygen") ?? "/usr/bin/ssh-keygen", ["-l", "-f", path + ".pub"])
        #expect(run.stdout.contains(key.fingerprint))
        #expect(run.stdout.contains("(ED25519)"))
    }

    @Test func aKeyOthersCanReadIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/host_key"
        _ = try HostKey.loadOrCreate(at: path)
        chmod(path, 0o644)
        #expect(throws: HostKey.Failure.notPrivate(path)) { try HostKey.loadOrCreate(at: path) }
        chmod(path, 0o600)
        try "not a key\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: HostKey.Failure.damaged(path)) { try HostKey.loadOrCreate(at: path) }
    }
}
