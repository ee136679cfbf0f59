import ArgumentParser

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a review database.")
    @Argument(help: "The review file to create, e.g. my-review.tarsier.") var review: String
    func run() async throws { throw CleanExit.message("not yet") }
}
struct Import: AsyncParsableCommand { static let configuration = CommandConfiguration(abstract: "Import files."); func run() async throws {} }
struct Status: AsyncParsableCommand { static let configuration = CommandConfiguration(abstract: "Status."); func run() async throws {} }
struct Show: AsyncParsableCommand { static let configuration = CommandConfiguration(abstract: "Show."); func run() async throws {} }
struct List: AsyncParsableCommand { static let configuration = CommandConfiguration(abstract: "List."); func run() async throws {} }
struct Export: AsyncParsableCommand { static let configuration = CommandConfiguration(abstract: "Export."); func run() async throws {} }
