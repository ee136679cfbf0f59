import ArgumentParser
import Formats
import Foundation
import ReviewModel
import ReviewStore

/// `tarsier import`: read export files into a review, one transaction per file.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import RIS, PubMed (MEDLINE text or XML, .gz too) or CSV files into a review.",
        discussion: """
            The format is detected from each file's content, not its name. Each file is imported in one \
            transaction: a file that cannot be read leaves the review unchanged and is reported as \
            FILE:LINE: error: … (exit status 1). Record-level problems are FILE:LINE: warning: … and the \
            rest of the file imports. Records with the same DOI, PMID, or normalised title and year join \
            a duplicate group (kept, not screened twice). Importing the same file twice is refused.
            """)

    @OptionGroup var review: ReviewArgument
    @Argument(help: "Files to import.") var files: [String]
    @Option(help: "Skip format detection: ris, medline, pubmed-xml, csv or wos.") var format: ImportFormat?
    @Flag(help: "Turn labels carried in the file (CSV label_included, tarsier RIS decisions) into decisions.")
    var labelsAsDecisions = false
    @Option(help: "Assessor recorded for --labels-as-decisions.") var assessor = "import"
    @Flag(help: "Do not print warnings, only the summary.") var quiet = false

    func run() throws {
        let database = try review.open()
        var failed = false
        for file in files {
            do {
                let summary = try importFile(file, into: database)
                print(
                    "\(file): \(summary.recordCount) records, \(summary.duplicateCount) duplicates, "
                        + "\(summary.warningCount) warnings"
                        + (summary.decisionCount > 0 ? ", \(summary.decisionCount) decisions" : ""))
            } catch let error as ReviewStoreError {
                if case .alreadyImported = error { Console.error("\(file): \(error.localizedDescription)") }
                else { Console.error("\(file): error: \(error.localizedDescription)"); failed = true }
            } catch let error as FormatsError {
                Console.error(error.description)
                failed = true
            } catch {
                Console.error("\(file):1: error: \(error.localizedDescription)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    private func importFile(_ file: String, into database: ReviewDatabase) throws -> ImportSummary {
        let url = URL(fileURLWithPath: file)
        let bar = ProgressBar(label: url.lastPathComponent, unit: "B")
        let result = try Importer.read(url: url, format: format) { done, total in bar.update(Int(done), of: Int(total)) }
        bar.finish()
        let warnings = result.diagnostics.map { $0.description }
        if !quiet { warnings.forEach(Console.error) }
        let input = ImportBatchInput(
            fileName: url.lastPathComponent, format: result.format, sha256: try SHA256.hex(fileAt: url),
            records: result.records, warnings: warnings, labelsAsDecisions: labelsAsDecisions, assessor: assessor)
        return try database.importBatch(input).reportingStoreWarnings(quiet: quiet)
    }
}

extension ImportFormat: ExpressibleByArgument {}
