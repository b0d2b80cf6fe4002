import Foundation
import TestSupport
import Testing

/// The browser route for participants without an SSH client: webssh (an xterm.js page) in front
/// of `fieldwork serve`, driven in headless Chromium from `Tests/gateway/webssh_gateway.py`.
@Suite struct BrowserGatewayTests {
    static let tools = ["chromium", "chromedriver", "wssh", "python3"]

    @Test(.enabled(if: tools.allSatisfy(Tool.available), "needs chromium, chromium-driver (Debian) and webssh, selenium (PyPI)"))
    func aParticipantTakesTheSurveyInABrowser() throws {
        let script = Run.packageRoot.appendingPathComponent("Tests/gateway/webssh_gateway.py").path
        let run = try Child.run(Tool.path("python3") ?? "/usr/bin/python3", [script, Binary.fieldwork], seconds: 180)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr.suffix(3000))")
        #expect(run.stdout.contains("1 passed, 0 failed"))
    }
}
