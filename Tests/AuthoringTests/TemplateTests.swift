import Authoring
import Testing

/// `fieldwork new` writes a file an editor leaves alone: it ends with a line break, and comments
/// beside neighbouring lines start in one column whatever the length of the id (issue 14, item 14).
@Suite struct TemplateTests {
    @Test(arguments: Templates.Kind.allCases)
    func endsWithALineBreak(kind: Templates.Kind) {
        let text = Templates.text(kind, id: "staff-views")
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    }

    @Test(arguments: Templates.Kind.allCases, ["a", "staff-views", "a-much-longer-instrument-name-than-usual"])
    func alignsTheCommentsOfNeighbouringLines(kind: Templates.Kind, id: String) {
        var run: [Int] = []
        var runs: [[Int]] = []
        for line in Templates.text(kind, id: id).split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.drop { $0 == " " }
            if !content.hasPrefix("#"), let hash = line.range(of: " # ") {
                run.append(line.distance(from: line.startIndex, to: hash.lowerBound))
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        #expect(!runs.isEmpty)
        for run in runs {
            #expect(Set(run).count == 1, "comments of neighbouring lines start at columns \(run) with id '\(id)'")
        }
    }
}
