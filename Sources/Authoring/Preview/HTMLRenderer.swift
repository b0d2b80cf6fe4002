import Foundation
import Wording

/// The preview as one self-contained HTML file made for printing: no scripts, no external
/// files, each question kept on one page, several languages in columns.
public enum HTMLRenderer {
    public static func render(_ document: PreviewDocument, title: String) -> String {
        let several = document.languages.count > 1
        var body: [String] = []
        var inQuestion = false
        // A section's heading, facts and intro are kept on one page with its first question
        // (`div.keep`), so a heading is never left alone at the foot of a printed page.
        var keeping = false
        func close() { if inQuestion { body.append("</div>"); inQuestion = false } }
        func endKeep() { if keeping { body.append("</div>"); keeping = false } }
        for block in document.blocks {
            switch block {
            case .heading(let level, let texts):
                let closedQuestion = inQuestion
                close()
                if closedQuestion || level < 3 { endKeep() }
                if level == 2 { body.append("<div class=\"keep\">"); keeping = true }
                if level == 3 { body.append("<div class=\"question\">"); inQuestion = true }
                body.append("<h\(level)>" + texts.distinct.map(escape).joined(separator: " <span class=\"sep\">/</span> ") + "</h\(level)>")
            case .paragraph(let texts):
                body.append(languages(texts, document.languages, several: several))
            case .facts(let facts):
                body.append("<dl>" + facts.map { "<dt>\(escape($0.label))</dt><dd>\(emphasis(code(escape($0.value))))</dd>" }.joined() + "</dl>")
            case .labelled(let label, let texts):
                body.append("<div class=\"labelled\"><span class=\"label\">\(escape(label))</span>"
                            + languages(texts, document.languages, several: several) + "</div>")
            case .choices(let rows):
                let header = ["Code"] + (several ? document.languages : ["Choice"]) + ["Note"]
                var table = "<table class=\"choices\"><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                for row in rows {
                    table += "<tr><td class=\"code\">\(escape(row.code))</td>" + row.labels.map { "<td>\(escape(Reflow.paragraphs($0).joined(separator: " ")))</td>" }.joined()
                        + "<td class=\"note\">\(escape(row.note))</td></tr>"
                }
                body.append(table + "</tbody></table>")
            case .list(let title, let items):
                body.append("<div class=\"list\"><span class=\"label\">\(escape(title))</span><ul>"
                            + items.map { "<li>" + code(languages($0, document.languages, several: several)) + "</li>" }.joined() + "</ul></div>")
            case .rule:
                close()
                endKeep()
                body.append("<hr>")
            }
        }
        close()
        endKeep()
        let lang = document.languages.first.flatMap { $0.isEmpty ? nil : $0 } ?? "en"
        return """
        <!DOCTYPE html>
        <html lang="\(escape(lang))">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    static let style = """
        @page { size: A4; margin: 18mm 16mm; }
        body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 20pt; margin: 0 0 .4em; }
        h2 { font-size: 15pt; border-bottom: 1px solid #999; padding-bottom: .15em; margin-top: 1.6em; break-after: avoid; }
        h3 { font-size: 12pt; margin: 0 0 .3em; break-after: avoid; }
        .sep { color: #888; font-weight: normal; }
        div.keep { break-inside: avoid; }
        div.question { border-left: 3px solid #ccc; padding: .3em 0 .3em .8em; margin: 1em 0; break-inside: avoid; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em .8em; margin: .3em 0; font-family: Helvetica, Arial, sans-serif; font-size: 9.5pt; color: #333; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        code { font-size: 9pt; background: #f2f2f2; padding: 0 .2em; }
        .langs { display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 1.2em; }
        .langs > div::before { content: attr(lang); display: block; font: bold 8pt Helvetica, Arial, sans-serif; color: #777; text-transform: uppercase; }
        p { margin: .3em 0; }
        .label { font: bold 9.5pt Helvetica, Arial, sans-serif; color: #333; }
        table.choices { border-collapse: collapse; margin: .4em 0; font-size: 10pt; }
        table.choices th, table.choices td { border: 1px solid #bbb; padding: .15em .5em; text-align: left; vertical-align: top; }
        table.choices th { background: #eee; font-family: Helvetica, Arial, sans-serif; font-size: 9pt; }
        td.code { text-align: right; font-family: monospace; }
        td.note { color: #555; font-size: 9pt; }
        ul { margin: .2em 0; padding-left: 1.4em; }
        @media print { body { margin: 0; max-width: none; } }
        """

    private static func languages(_ texts: [String], _ languages: [String], several: Bool) -> String {
        guard several else { return paragraphs(texts.first ?? "") }
        return "<div class=\"langs\">" + zip(languages, texts).map { "<div lang=\"\(escape($0))\">\(paragraphs($1))</div>" }.joined() + "</div>"
    }

    /// `*text*` (how conditions in words name questions and choices) becomes emphasis.
    private static func emphasis(_ s: String) -> String {
        let parts = s.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return s }
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<em>\($0.element)</em>" : String($0.element) }.joined()
    }

    private static func paragraphs(_ text: String) -> String {
        Reflow.paragraphs(text).map { "<p>" + escape($0) + "</p>" }.joined()
    }

    /// `backticks` in the project's own words become code.
    private static func code(_ s: String) -> String {
        let parts = s.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return s }
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }.joined()
    }

    static func escape(_ s: String) -> String { MarkupText.escape(s) }
}
