import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport

/// Interview guides through the REFI-QDA export: random guides (open questions with probes, a
/// structured question), interviews and group discussions whose notes are written turn by turn
/// as the interviewer's screen writes them (stamps, speakers, text outside the Basic Multilingual
/// Plane, markup characters), some ended, some interrupted. The `.qdpx` is unzipped and read by
/// Python, validated with xmllint against the REFI-QDA schema, and every selection's offsets must
/// select exactly the notes, or the turn, that the interviewer wrote, coded as documented; a group
/// has a case per speaker (P1..PN, F) holding exactly that speaker's turns.
struct InterviewSimulation {
    var responseID = ""
    var group: Int?
    var finished = false
    /// Per open question with notes, the lines as the interviewer kept them.
    var notes: [String: [NoteTurn]] = [:]
    var structured: [String: String] = [:]
}

extension FidelityRun {
    static let noteTexts = ["We met at the café", "It helped, mostly", "<not sure> & \"why\"", "Emoji 👩‍👩‍👧 and ☕ too",
                            "Cymraeg: diolch yn fawr", "a, b; c", "Ünïcödé — 日本", "Tabs\tinside", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP"]

    static var refiSchema: String? { Run.sharedSchema("refi-qda/Project.xsd") }

    mutating func interviews(_ index: Int) throws {
        var random = FidelityRandom(seed: config.seed ^ (UInt64(index) &+ 0x1A7E_4F1E))
        let id = "guide\(index)"
        var questions: [(section: String, id: String, open: Bool)] = []
        var yaml = """
            format: 1
            id: \(id)
            version: 1.0.0
            kind: interview
            title: Guide \(index)
            consent:
              text: Everyone agreed.
              agree: Agreed
            privacy: {participant: none, timestamps: date}
            sections:

            """
        for s in 1...random.int(2...3) {
            yaml += "  - id: s\(s)\n    title: Section \(s)\n    questions:\n"
            if s == 1 {
                yaml += "      - {id: role, type: single, text: Role?, choices: [Member, Volunteer, Staff]}\n"
                questions.append(("s1", "role", false))
                yaml += "      - {id: met, type: datetime, text: When did you meet?}\n"
                questions.append(("s1", "met", false))
            }
            for k in 1...random.int(1...3) {
                let q = "q\(s)_\(k)"
                yaml += "      - id: \(q)\n        type: open\n        text: Question \(s).\(k)?\n        probes: [First probe, Second probe]\n"
                questions.append(("s\(s)", q, true))
            }
        }
        let result = InstrumentCompiler.compile(Array(yaml.utf8))
        guard let instrument = result.instrument, let canonical = result.canonical, let hash = result.contentHash else {
            failures.append("seed \(config.seed) interview guide \(index) does not compile: \(result.diagnostics.map(\.message))\n\(yaml)")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-fidelity-\(UUID().uuidString)").path
        defer { if ProcessInfo.processInfo.environment["FIDELITY_KEEP"] == nil { try? FileManager.default.removeItem(atPath: root) } }
        let store = try InstrumentStore(root: root, instrument: instrument, compiled: canonical, hash: hash)
        let today = StoreClock.today()
        var simulated: [InterviewSimulation] = []
        for n in 0..<max(4, config.sessions / 2) {
            var sim = InterviewSimulation()
            sim.group = random.chance(0.5) ? random.int(2...6) : nil
            let seed = UInt64(index) * 1_000 + UInt64(n) + 1
            let writer = try store.begin(seed: seed, language: nil, started: DateValue.format(today), pseudonym: nil, group: sim.group, today: today)
            var session = Session(instrument: instrument, seed: seed, today: today)
            let head = try String(contentsOfFile: writer.journalPath, encoding: .utf8).prefix { $0 != "\n" }
            sim.responseID = ((try? JSONSerialization.jsonObject(with: Data(head.utf8))) as? [String: Any])?["response_id"] as? String ?? ""
            var time = 0.0
            func move(_ m: SessionMove) throws {
                time += Double(random.int(5...200))
                let event = try session.apply(session.event(m, at: time))
                try writer.record(event)
            }
            try move(.consent(agreed: true))
            let stopAt = random.chance(0.3) ? random.int(0...(questions.count - 1)) : Int.max
            for (k, q) in questions.enumerated() {
                if k == stopAt { break }
                if q.id == "met" {
                    // A local date and time: in the case's attributes as an xsd:dateTime with no zone, to the minute.
                    let met = random.pick(["2024-02-29T00:00", "2000-02-29T23:59", "2023-06-15T09:05"])
                    try move(.answer(Answer(.datetime(met))))
                    sim.structured[q.id] = "DateTime " + met + ":00"
                    continue
                }
                if !q.open {
                    let pick = random.int(1...3)
                    try move(.answer(Answer(.choice(pick))))
                    sim.structured[q.id] = ["Member", "Volunteer", "Staff"][pick - 1]
                    continue
                }
                if random.chance(0.2) { try move(.skip); continue }
                var turns: [NoteTurn] = []
                for _ in 0..<random.int(0...4) {
                    let speakers = sim.group.map { g in (1...g).map { "P\($0)" } + ["F"] } ?? ["P1", "F"]
                    let speaker: String? = random.chance(sim.group == nil ? 0.3 : 0.9) ? random.pick(speakers) : nil
                    let turn = NoteTurn(stamp: random.chance(0.8) ? NoteTurn.stamp(time) : nil, speaker: speaker, text: random.pick(Self.noteTexts))
                    turns.append(turn)
                    try move(.notes(turns.map(\.line).joined(separator: "\n")))
                }
                if random.chance(0.5) { try move(.probe(random.int(0...1), asked: true)) }
                if !turns.isEmpty { sim.notes[q.id] = turns }
                if k + 1 < questions.count { try move(.jump(to: questions[k + 1].id)) }
            }
            if stopAt == Int.max {
                try move(.end)
                try writer.finish(session, duration: time)
                sim.finished = true
            }
            simulated.append(sim)
            interviewSessions += 1
        }
        try compareQDPX(root + "/" + id, instrument: instrument, questions: questions, simulated: simulated)
    }
}

extension FidelityRun {
    static let qdpxReader = #"""
    import json, sys, zipfile, xml.etree.ElementTree as ET
    Q = "{urn:QDA-XML:project:1.0}"
    z = zipfile.ZipFile(sys.argv[1])
    root = ET.fromstring(z.read("project.qde"))
    codes = {c.get("guid"): c.get("name") for c in root.iter(Q + "Code")}
    variables = {v.get("guid"): v.get("name") for v in root.iter(Q + "Variable")}
    selections, sources = {}, {}
    for src in root.iter(Q + "TextSource"):
        text = z.read(src.get("plainTextPath").replace("internal://", "Sources/")).decode("utf-8")
        sels = []
        for sel in src.findall(Q + "PlainTextSelection"):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            item = {"name": sel.get("name"), "text": text[start:end] if 0 <= start <= end <= len(text) else None,
                    "codes": [codes.get(r.get("targetGUID"), "?") for r in sel.iter(Q + "CodeRef")]}
            sels.append(item)
            selections[sel.get("guid")] = item
        sources[src.get("guid")] = {"name": src.get("name"), "selections": sels}
    cases = []
    for case in root.iter(Q + "Case"):
        values = {}
        for vv in case.findall(Q + "VariableValue"):
            ref = vv.find(Q + "VariableRef").get("targetGUID")
            value = [c for c in vv if c.tag != Q + "VariableRef"][0]
            # A date and time is only a DateTimeValue (an xsd:dateTime), never text that looks like one.
            values[variables.get(ref, "?")] = ("DateTime " if value.tag == Q + "DateTimeValue" else "") + (value.text or "")
        cases.append({"name": case.get("name"), "values": values,
                      "sources": [sources.get(s.get("targetGUID"), {}).get("name") for s in case.findall(Q + "SourceRef")],
                      "selections": [(selections.get(s.get("targetGUID")) or {}).get("text") for s in case.findall(Q + "SelectionRef")]})
    json.dump({"sources": list(sources.values()), "cases": cases}, sys.stdout)
    """#

    mutating func compareQDPX(_ folder: String, instrument: Instrument, questions: [(section: String, id: String, open: Bool)],
                              simulated: [InterviewSimulation]) throws {
        let reader = "qdpx (Python zipfile, ElementTree)"
        readers.insert(reader)
        let dir = try export(folder, "qdpx")
        let file = dir + "/" + instrument.id + ".qdpx"
        if let schema = Self.refiSchema {
            let unzip = try Readers.run("python3", ["-c", "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extract('project.qde', sys.argv[2])", file, dir], in: dir)
            let lint = try Readers.run("xmllint", ["--noout", "--schema", schema, dir + "/project.qde"], in: dir)
            if unzip.status != 0 || lint.status != 0 { failures.append("seed \(config.seed) \(instrument.id): the .qdpx is not valid REFI-QDA: \(unzip.stderr)\(lint.stderr.prefix(1500))") }
            readers.insert("qdpx schema (xmllint)")
        } else {
            print("fidelity: the REFI-QDA schema is not beside this checkout (shared/schemas), so the .qdpx was not validated against it")
        }
        try Self.qdpxReader.write(toFile: dir + "/fidelity-qdpx.py", atomically: false, encoding: .utf8)
        let r = try Readers.run("python3", [dir + "/fidelity-qdpx.py", file], in: dir)
        guard r.status == 0, let project = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any],
              let sources = project["sources"] as? [[String: Any]], let cases = project["cases"] as? [[String: Any]] else {
            throw ReaderFailure(reader: reader, output: r.stdout + r.stderr)
        }
        let today = DateValue.format(StoreClock.today())
        func note(_ sim: InterviewSimulation, _ what: String, _ intended: String, _ read: String?) {
            cells += 1
            cellsByReader[reader, default: 0] += 1
            guard intended != read else { return }
            differences.append(Difference(reader: reader, seed: config.seed, instrument: instrument.id, version: instrument.version, session: 0,
                                          behaviour: sim.finished ? .complete : .partial, column: "\(sim.responseID.prefix(8)) \(what)", type: .text,
                                          intended: .value(intended), read: read.map { ReadCell(value: $0, missing: false) }))
        }
        for sim in simulated {
            let name = "interview-" + sim.responseID.prefix(8)
            // Each question's notes, and each turn of a named speaker, with the code the README names.
            var want: [String] = []
            for q in questions where q.open {
                guard let turns = sim.notes[q.id] else { continue }
                let label = instrument.question(q.id)?.text?.text(in: nil) ?? q.id
                let title = instrument.sections.first { $0.id == q.section }?.title?.text(in: nil) ?? q.section
                want.append("\(q.id) | \(turns.map(\.line).joined(separator: "\n")) | \(title) / \(label)")
                for t in turns {
                    guard let speaker = t.speaker else { continue }
                    want.append("\(q.id) \(speaker) | \(t.line) | " + (speaker == "F" ? "Speakers / Facilitator (F)" : "Speakers / Participant (P1 to PN)"))
                }
            }
            let source = sources.first { $0["name"] as? String == name }
            let got = ((source?["selections"] as? [[String: Any]]) ?? []).map {
                "\($0["name"] as? String ?? "") | \($0["text"] as? String ?? "<offsets outside the text>") | \((($0["codes"] as? [String]) ?? []).joined(separator: ", "))"
            }
            note(sim, "source", name, source == nil ? nil : name)
            note(sim, "selections", want.sorted().joined(separator: "\n"), got.sorted().joined(separator: "\n"))
            // The case and its attributes.
            let main = cases.first { $0["name"] as? String == name }
            var attributes = ["date": today, "version": instrument.version, "status": sim.finished ? "complete" : "partial"]
            if let g = sim.group { attributes["group_size"] = String(g) }
            for (q, label) in sim.structured { attributes[q] = label }
            let values = (main?["values"] as? [String: String]) ?? [:]
            note(sim, "case attributes", attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
                 main == nil ? nil : values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            // A case per speaker (P1..PN and F in a group, and any speaker named), holding that speaker's turns in order.
            let turns = questions.compactMap { sim.notes[$0.id] }.flatMap { $0 }
            var speakers = Set(turns.compactMap(\.speaker))
            if let g = sim.group { speakers.formUnion((1...g).map { "P\($0)" } + ["F"]) }
            let speakerCases = cases.compactMap { $0["name"] as? String }.filter { $0.hasPrefix(name + " ") }
            note(sim, "speaker cases", speakers.map { name + " " + $0 }.sorted().joined(separator: ", "), speakerCases.sorted().joined(separator: ", "))
            for speaker in speakers.sorted() {
                let c = cases.first { $0["name"] as? String == name + " " + speaker }
                let held = ((c?["selections"] as? [Any]) ?? []).map { ($0 as? String) ?? "<no such selection>" }
                note(sim, "case \(speaker)", turns.filter { $0.speaker == speaker }.map(\.line).joined(separator: "\n"),
                     c == nil ? nil : held.joined(separator: "\n"))
            }
        }
        if cases.filter({ !($0["name"] as? String ?? "").contains(" ") }).count != simulated.count {
            failures.append("seed \(config.seed) \(instrument.id): \(cases.count) cases for \(simulated.count) interviews")
        }
    }
}
