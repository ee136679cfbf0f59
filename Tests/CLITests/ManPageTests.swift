import Foundation
import Testing

@testable import tarsier

@Suite("Manual page")
struct ManPageTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("man/tarsier.1 is what the command definitions generate (run `tarsier generate-man > man/tarsier.1`)")
    func manPageInSync() throws {
        let committed = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("man/tarsier.1"), encoding: .utf8)
        #expect(committed == ManPage.render())
    }

    @Test("every visible command has a section in the manual")
    func everyCommandDocumented() {
        let page = ManPage.render()
        for command in Tarsier.configuration.subcommands where command.configuration.shouldDisplay {
            #expect(page.contains(".SS \(command._commandName)"))
        }
    }
}
