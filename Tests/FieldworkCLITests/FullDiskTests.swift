import Foundation
import TestSupport
import Testing

/// Whether this machine lets the tests mount a small tmpfs (root in CI does; elsewhere the test
/// is skipped with this reason).
private let canMount: Bool = {
    let point = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-mount-probe-\(getpid())").path
    guard (try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)) != nil else { return false }
    defer { try? FileManager.default.removeItem(atPath: point) }
    guard mount("tmpfs", point, "tmpfs", 0, "size=64k") == 0 else { return false }
    umount(point)
    return true
}()

/// A real full disk: a 256 KiB tmpfs filled until sessions cannot be written. No journal is left
/// with a torn line, `status` still reads the folder, and once space is freed every interrupted
/// session resumes and completes with every answer it had.
@Suite(.serialized) struct FullDiskTests {
    static let survey = """
        format: 1
        id: disk
        version: 1.0.0
        title: Disk
        sections:
          - id: s
            questions:
              - {id: a, type: long_text, text: First?}
              - {id: b, type: long_text, text: Second?}
              - {id: c, type: long_text, text: Third?}
              - {id: d, type: long_text, text: Last?}
        """
    static let paragraph = String(repeating: "words ", count: 400)
    /// The same answer to every question, so that a resumed session's input lines up wherever it resumes.
    static let answers = String(repeating: paragraph + "\n\n", count: 4) + "\n"

    @Test(.enabled(if: canMount, "needs to mount a tmpfs (root); CI runs it"))
    func fillsTheDiskWithoutTearingOrLosingAnything() throws {
        let folder = try TemporaryFolder()
        try folder.write("disk.yaml", Self.survey)
        let disk = folder.path + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        #expect(mount("tmpfs", disk, "tmpfs", 0, "size=256k") == 0)
        defer { umount2(disk, Int32(MNT_DETACH)) }
        let responses = disk + "/responses"
        // Leave room for the instrument's copy and a few answers.
        #expect(FileManager.default.createFile(atPath: disk + "/filler", contents: Data(count: 256 * 1024 - 40 * 1024)))
        var failed = 0
        for _ in 0..<12 {
            let run = try Run.fieldwork(["run", "disk.yaml", "--plain", "--responses", responses], input: Self.answers, in: folder.url)
            #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"))
            if run.status == 1 { failed += 1 }
        }
        #expect(failed > 0, "the disk filled up")
        let sessions = responses + "/disk/sessions"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sessions)) ?? [] {
            let data = try #require(FileManager.default.contents(atPath: sessions + "/" + name))
            #expect(data.isEmpty || data.last == 0x0A, "\(name) ends in a torn line")
        }
        let status = try Run.fieldwork(["status", responses], in: folder.url)
        #expect(status.status == 0, "\(status.stderr)")

        try FileManager.default.removeItem(atPath: disk + "/filler")
        let listing = try Run.fieldwork(["resume", "--responses", responses], in: folder.url).stdout
        let ids = listing.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2).prefix(8)) }
        #expect(!ids.isEmpty, "sessions were interrupted by the full disk")
        for id in ids {
            let resumed = try Run.fieldwork(["resume", id, "--plain", "--responses", responses], input: Self.answers, in: folder.url)
            #expect(resumed.status == 0, "\(resumed.stderr)")
        }
        let finished = try FileManager.default.contentsOfDirectory(atPath: responses + "/disk").filter { $0.hasSuffix(".json") }
        for name in finished {
            let data = try #require(FileManager.default.contents(atPath: responses + "/disk/" + name))
            let answers = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["answers"] as? [String: Any])
            #expect(answers.count == 4, "\(name): every answer kept")
            #expect(answers["a"] as? String == Self.paragraph.trimmingCharacters(in: .whitespaces))
        }
        #expect(finished.count == (12 - failed) + ids.count, "every session completed before, or resumed now, counted once")
    }
}
