import Foundation
import TestSupport

/// A cell as a real reader gave it: its value (nil when the reader says missing, NA, None or
/// system-missing), whether the reader counts it missing, and the reason it gives, if any.
struct ReadCell: Equatable, CustomStringConvertible {
    var value: String?
    var missing: Bool
    var reason: String?
    var description: String { "\(value.map { "\"\($0)\"" } ?? "nil")\(missing ? " missing" : "")\(reason.map { " (\($0))" } ?? "")" }
}

/// Rows by response id, cells by column name.
typealias ReadTable = [String: [String: ReadCell]]

/// The real readers, each run as an analyst would run it, each table dumped as JSON for the comparison.
enum Readers {
    static let python = #"""
    import csv, json, sys, decimal, datetime
    mode = sys.argv[1]
    out = {}
    def plain(v):
        if v is None: return None
        if isinstance(v, bool): return "true" if v else "false"
        if isinstance(v, (int, float, decimal.Decimal)): return str(v)
        if isinstance(v, (datetime.date, datetime.datetime, datetime.time)): return v.isoformat()
        if hasattr(v, "year") and hasattr(v, "month"): return "%04d-%02d" % (v.year, v.month)
        return str(v)
    if mode == "csv":
        with open(sys.argv[2], newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                out[row["response_id"]] = {k: [v, False, None] for k, v in row.items()}
    elif mode == "frictionless":
        # Validated and read in one process: frictionless takes a second or more to start.
        from frictionless import Package, validate
        report = validate(sys.argv[2])
        out["__validation__"] = {"valid": [str(report.valid), False, None],
                                 "errors": [json.dumps(report.flatten(["type", "fieldName", "message"]))[:2000], False, None]}
        package = Package(sys.argv[2])
        for row in package.get_resource("responses").read_rows():
            out[row["response_id"]] = {k: [plain(v), v is None, None] for k, v in row.items()}
        # Each repeat's resource, a row per instance: "<resource> <response id> <instance>".
        for resource in package.resources:
            if resource.name.startswith("repeat-"):
                for row in resource.read_rows():
                    key = "%s %s %s" % (resource.name, row["response_id"], plain(row["instance"]))
                    out[key] = {k: [plain(v), v is None, None] for k, v in row.items()}
    elif mode == "pspp":
        def read(p):
            with open(p, newline="", encoding="utf-8") as f: return list(csv.DictReader(f))
        values, recoded, labels = read(sys.argv[2]), read(sys.argv[3]), read(sys.argv[4])
        for v, r, l in zip(values, recoded, labels):
            cells = {}
            for k in v:
                value = v[k].strip()
                missing = value != "" and r[k].strip() == ""
                label = l[k].strip()
                cells[k] = [value if value != "" else None, missing or value == "", label if label != value else None]
            out[v["response_id"].strip()] = cells
    elif mode == "r":
        with open(sys.argv[2], newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                value = None if row["na"] == "TRUE" else row["value"]
                reason = None if row["reason"] == "NA" else row["reason"]
                out.setdefault(row["response_id"], {})[row["column"]] = [value, value is None, reason]
    elif mode == "store":
        import glob, os
        for p in glob.glob(os.path.join(sys.argv[2], "*.json")):
            r = json.load(open(p, encoding="utf-8"))
            out[r["response_id"]] = {"seed": [str(r.get("seed")), False, None]}
        for p in glob.glob(os.path.join(sys.argv[2], "sessions", "*.journal")):
            r = json.loads(open(p, encoding="utf-8").readline())
            out[r["response_id"]] = {"seed": [str(r.get("seed")), False, None]}
    json.dump(out, sys.stdout)
    """#

    static let rScript = #"""
    source("responses.R")
    cells <- list()
    for (name in names(responses)) {
      v <- responses[[name]]
      reason <- attr(v, "na_reason")
      if (is.null(reason)) reason <- rep(NA_character_, length(v))
      value <- if (is.factor(v)) paste0(as.character(v), "=", as.integer(v), "/", fw_codes(v)) else if (inherits(v, "difftime")) sprintf("%02d:%02d", as.numeric(v, units = "secs") %/% 3600, as.numeric(v, units = "secs") %% 3600 %/% 60) else if (inherits(v, "POSIXct")) format(v, "%Y-%m-%dT%H:%M") else if (inherits(v, "Date")) paste0(format(v), if (is.null(attr(v, "precision"))) "" else paste0(" ", attr(v, "precision"))) else if (is.logical(v)) ifelse(v, "TRUE", "FALSE") else if (is.numeric(v)) format(v, digits = 15, scientific = FALSE, trim = TRUE) else as.character(v)
      cells[[name]] <- data.frame(response_id = responses$response_id, column = name, value = ifelse(is.na(v), "", value),
                                  na = ifelse(is.na(v), "TRUE", "FALSE"), reason = ifelse(is.na(reason), "NA", reason), stringsAsFactors = FALSE)
    }
    write.csv(do.call(rbind, cells), "fidelity-r.csv", row.names = FALSE, fileEncoding = "UTF-8")
    """#

    /// A CSV's rows as Python's csv module reads them (the header first).
    static func rows(_ file: String, in dir: String) throws -> [[String]] {
        let script = dir + "/fidelity-rows.py"
        try """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as f: json.dump(list(csv.reader(f)), sys.stdout)
            """.write(toFile: script, atomically: false, encoding: .utf8)
        let r = try run("python3", [script, file], in: dir)
        guard r.status == 0, let rows = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [[String]] else {
            throw ReaderFailure(reader: "python csv", output: r.stdout + r.stderr)
        }
        return rows
    }

    /// Several CSVs' rows as Python's csv module reads them, by path, in one process (a file that
    /// is not there is left out).
    static func rows(_ files: [String], in dir: String) throws -> [String: [[String]]] {
        let script = dir + "/fidelity-files.py"
        try """
            import csv, json, os, sys
            out = {}
            for p in sys.argv[1:]:
                if os.path.exists(p):
                    with open(p, newline="", encoding="utf-8") as f: out[p] = list(csv.reader(f))
            json.dump(out, sys.stdout)
            """.write(toFile: script, atomically: false, encoding: .utf8)
        let r = try run("python3", [script] + files, in: dir)
        guard r.status == 0, let read = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: [[String]]] else {
            throw ReaderFailure(reader: "python csv", output: r.stdout + r.stderr)
        }
        return read
    }

    static func run(_ program: String, _ args: [String], in dir: String) throws -> Run {
        let path = Tool.path(program) ?? program
        return try Run.command(path, args, in: URL(fileURLWithPath: dir))
    }

    static func table(_ mode: String, _ args: [String], in dir: String) throws -> ReadTable {
        let script = dir + "/fidelity-read.py"
        try python.write(toFile: script, atomically: false, encoding: .utf8)
        let r = try run("python3", [script, mode] + args, in: dir)
        guard r.status == 0, let json = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [String: [Any]]] else {
            throw ReaderFailure(reader: mode, output: r.stdout + r.stderr)
        }
        return json.mapValues { row in
            row.mapValues { a in ReadCell(value: a[0] as? String, missing: (a[1] as? Bool) ?? false, reason: a[2] as? String) }
        }
    }

    /// PSPP runs the export's own syntax, then writes the .sav's values three ways (user-missing
    /// kept, user-missing recoded to system-missing, labels) for the comparison.
    static func pspp(_ dir: String) throws -> ReadTable {
        let first = try run("pspp", [dir + "/responses.sps"], in: "/")
        guard first.status == 0, !first.stdout.contains("error") else { throw ReaderFailure(reader: "pspp", output: first.stdout + first.stderr) }
        try """
            GET FILE='\(dir)/responses.sav'.
            SAVE TRANSLATE /OUTFILE='\(dir)/pspp-values.csv' /TYPE=CSV /REPLACE /FIELDNAMES /MISSING=IGNORE /CELLS=VALUES.
            SAVE TRANSLATE /OUTFILE='\(dir)/pspp-recoded.csv' /TYPE=CSV /REPLACE /FIELDNAMES /MISSING=RECODE /CELLS=VALUES.
            SAVE TRANSLATE /OUTFILE='\(dir)/pspp-labels.csv' /TYPE=CSV /REPLACE /FIELDNAMES /MISSING=IGNORE /CELLS=LABELS.
            """.write(toFile: dir + "/fidelity.sps", atomically: false, encoding: .utf8)
        let second = try run("pspp", [dir + "/fidelity.sps"], in: "/")
        guard second.status == 0 else { throw ReaderFailure(reader: "pspp", output: second.stdout + second.stderr) }
        return try table("pspp", [dir + "/pspp-values.csv", dir + "/pspp-recoded.csv", dir + "/pspp-labels.csv"], in: dir)
    }

    static func r(_ dir: String) throws -> ReadTable {
        try rScript.write(toFile: dir + "/fidelity.R", atomically: false, encoding: .utf8)
        let r = try run("Rscript", ["fidelity.R"], in: dir)
        guard r.status == 0 else { throw ReaderFailure(reader: "r", output: r.stdout + r.stderr) }
        return try table("r", [dir + "/fidelity-r.csv"], in: dir)
    }

    /// The package validated (nil when valid, else its errors), its responses' rows read, and
    /// its repeats' rows, each keyed "repeat-<section> <response id> <instance>".
    static func frictionless(_ dir: String) throws -> (ReadTable, repeats: ReadTable, String?) {
        var rows = try table("frictionless", [dir + "/datapackage.json"], in: dir)
        let validation = rows.removeValue(forKey: "__validation__")
        let invalid = validation?["valid"]?.value == "True" ? nil : validation?["errors"]?.value ?? "not validated"
        let repeats = rows.filter { $0.key.hasPrefix("repeat-") }
        return (rows.filter { !$0.key.hasPrefix("repeat-") }, repeats, invalid)
    }
}

struct ReaderFailure: Error, CustomStringConvertible {
    var reader: String
    var output: String
    var description: String { "\(reader) failed: \(output.prefix(3000))" }
}
