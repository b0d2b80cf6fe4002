import Foundation
import TestSupport
import Testing

/// Issue 14, item 4: a time and a datetime typed to the real binary, then exported by it, come out
/// as they were given, whatever time zone the run and the export are in (no zone is stored, and
/// none is applied): the run here is twelve and three quarter hours ahead of UTC, the export
/// fourteen hours ahead, and the answers still read 00:00 and 23:59 on a leap day.
@Suite struct TimeExportCommandTests {
    @Test func exportsKeepTheTimesAsTypedInAnyZone() throws {
        let folder = try TemporaryFolder()
        try folder.write("clock.yaml", """
            format: 1
            id: clock
            version: 1.0.0
            title: Clock
            sections:
              - id: s
                questions:
                  - {id: woke, type: time, text: When did you wake up?}
                  - {id: onset, type: datetime, text: When did it start?}
            """)
        let run = try Run.fieldwork(["run", "clock.yaml", "--plain"], input: "0:00\n2024-02-29 23:59\n\n",
                                    environment: ["TZ": "Pacific/Chatham"], in: folder.url)
        #expect(run.status == 0, "\(run.stdout + run.stderr)")
        for format in ["csv", "long", "jsonl"] {
            let export = try Run.fieldwork(["export", "clock", "--format", format, "--out", "out-" + format],
                                           environment: ["TZ": "Pacific/Kiritimati"], in: folder.url)
            #expect(export.status == 0, "\(export.stdout + export.stderr)")
        }
        let wide = try folder.text("out-csv/responses.csv")
        // CSV rows end in CRLF (RFC 4180).
        #expect(wide.hasPrefix("response_id,pseudonym,instrument_version,status,language,date,duration,woke,onset\r\n"), "\(wide)")
        #expect(wide.hasSuffix(",00:00,2024-02-29T23:59\r\n"), "\(wide)")
        let long = try folder.text("out-long/responses-long.csv")
        #expect(long.contains(",woke,,,00:00\r\n") && long.contains(",onset,,,2024-02-29T23:59\r\n"), "\(long)")
        let jsonl = try folder.text("out-jsonl/responses.jsonl")
        #expect(jsonl.contains(#""onset":"2024-02-29T23:59""#) && jsonl.contains(#""woke":"00:00""#), "\(jsonl)")
    }
}
