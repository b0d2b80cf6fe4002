import Foundation

/// The preview as Markdown: headings, facts as a list, choices as a table; several languages
/// side by side as table columns.
public enum MarkdownRenderer {
    public static func render(_ document: PreviewDocument) -> String {
        let several = document.languages.count > 1
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let texts):
                // A heading is one line: a text of several lines (a note) would end it early.
                out.append(String(repeating: "#", count: level) + " " + inline(texts.distinct.map { Reflow.paragraphs($0).joined(separator: " ") }.joined(separator: " / ")))
            case .paragraph(let texts):
                if several {
                    out.append(table(header: document.languages, rows: [texts.map(cell)]))
                } else {
                    out.append(texts.first.map(paragraph) ?? "")
                }
            case .facts(let facts):
                out.append(facts.map { "- **\($0.label):** \(inline($0.value))" }.joined(separator: "\n"))
            case .labelled(let label, let texts):
                if several {
                    out.append(table(header: [""] + document.languages, rows: [["**\(label)**"] + texts.map(cell)]))
                } else {
                    out.append("*\(label):* " + paragraph(texts.first ?? ""))
                }
            case .choices(let rows):
                let header = ["Code"] + (several ? document.languages : ["Choice"]) + ["Note"]
                out.append(table(header: header, rows: rows.map { [$0.code] + $0.labels.map(cell) + [cell($0.note)] }))
            case .list(let title, let items):
                if several {
                    out.append("**\(title):**\n\n" + table(header: document.languages, rows: items.map { $0.map(cell) }))
                } else {
                    out.append("**\(title):**\n\n" + items.map { "- " + inline($0.first ?? "") }.joined(separator: "\n"))
                }
            case .rule:
                out.append("---")
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func table(header: [String], rows: [[String]]) -> String {
        var lines = ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }

    /// A text of the instrument as paragraphs.
    private static func paragraph(_ text: String) -> String {
        Reflow.paragraphs(text).map(inline).joined(separator: "\n\n")
    }

    private static func cell(_ text: String) -> String {
        Reflow.paragraphs(text).map(inline).joined(separator: "<br><br>").replacingOccurrences(of: "|", with: "\\|")
    }

    /// Characters that would start markup at the beginning of a line are escaped.
    private static func inline(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "<", with: "&lt;")
        if let first = s.first, "#>-+".contains(first) { s = "\\" + s }
        return s
    }
}
