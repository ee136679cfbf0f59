import ReviewSession
import ArgumentParser
import Formats
import Foundation
import ReviewModel
import ReviewStore
import Transformer
import enum ScreeningUI.TextSanitizer

/// `tarsier import`: read export files into a review, one transaction per file.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Import RIS, PubMed (MEDLINE text or XML, .gz too), CSV or Web of Science (tagged or tab-delimited) files into a review.",
        discussion: """
            The format is detected from each file's content, not its name; UTF-16 files are read too. CSV \
            covers the Scopus, PubMed, CINAHL, Cochrane, Embase (its SEARCH QUERY preamble skipped) and \
            OpenAlex exports (Documentation/ImportFormats.md). Each file is imported in one \
            transaction: a file that cannot be read leaves the review unchanged and is reported as \
            FILE:LINE: error: … (exit status 1). Record-level problems are FILE:LINE: warning: … and the \
            rest of the file imports. Records with the same DOI, PMID, or normalised title and year join \
            a duplicate group (kept, not screened twice). Importing the same file twice is refused, and \
            --dry-run says so too.
            """)

    @OptionGroup var review: ReviewArgument
    @Argument(help: "Files to import.") var files: [String]
    @Option(help: "Skip format detection: ris, medline, pubmed-xml, csv or wos.") var format: ImportFormat?
    @Flag(help: "Turn labels carried in the file (CSV label_included, tarsier RIS decisions) into decisions.")
    var labelsAsDecisions = false
    @Option(help: "Assessor recorded for --labels-as-decisions.") var assessor = "import"
    @Flag(help: "Do not print warnings, only the summary.") var quiet = false
    @Flag(help: "Read and check the files, report records and warnings, and store nothing.") var dryRun = false
    @Flag(help: "After importing, start embedding the new records as a background job (like `embed --background`).")
    var embed = false

    func run() throws {
        let database = dryRun ? try review.openForReading() : try review.open()
        let output = ImportOutput()
        let pipeline = ImportPipeline(
            files: files, format: format,
            // A dry run refuses a file already in the review as the import would, before parsing it.
            admit: { name, sha in try database.refuseIfImported(sha256: sha, fileName: name) },
            progress: { file, done, total in output.progress(file: file, done: done, total: total) })
        var failed = false
        var stored = 0
        while let opened = pipeline.nextFile() {
            let file: String
            do {
                switch opened {
                case .failed(let failedFile, let error):
                    file = failedFile
                    throw error
                case .reading(let stream):
                    file = stream.file
                    if dryRun {
                        var records: [ImportedRecord] = []
                        while let chunk = try stream.nextChunk() { records += chunk }
                        if !quiet { output.lines(stream.warnings) }
                        let preview = try ImportPreview(
                            format: stream.format, records: records, warnings: stream.warnings.count,
                            inReview: database.knownDuplicateKeys)
                        output.result(
                            TextSanitizer.visible(preview.lines(file: file).joined(separator: "\n"), keepNewlines: true)
                        )
                        continue
                    }
                    Trace.mark("store begin \(file)")
                    let summary = try database.importBatch(
                        fileName: stream.fileName, sha256: stream.sha256, labelsAsDecisions: labelsAsDecisions,
                        assessor: assessor, next: { try stream.nextChunk() },
                        finish: { (stream.format, stream.warnings) })
                    stored += summary.recordCount
                    Trace.mark("store end \(file)")
                    if !quiet { output.lines(stream.warnings + summary.storeWarnings) }
                    output.result(
                        "\(file): \(summary.recordCount) records, \(summary.duplicateCount) duplicates, "
                            + (summary.possibleDuplicateCount > 0
                                ? "\(summary.possibleDuplicateCount) possible duplicates (both screened; `tarsier duplicates`), "
                                : "")
                            + "\(summary.warningCount) warnings"
                            + (summary.decisionCount > 0 ? ", \(summary.decisionCount) decisions" : ""))
                }
            } catch let error as ReviewStoreError {
                if case .alreadyImported = error {
                    output.lines(["\(opened.file): \(error.localizedDescription)"])
                } else {
                    output.lines(["\(opened.file): error: \(error.localizedDescription)"]); failed = true
                }
            } catch let error as FormatsError {
                output.lines([error.description])
                failed = true
            } catch {
                output.lines(["\(opened.file):1: error: \(error.localizedDescription)"])
                failed = true
            }
        }
        output.finish()
        if embed && !dryRun && stored > 0 { startEmbedding() }
        if failed { throw ExitCode.failure }
    }

    /// Starts `tarsier embed REVIEW` as a detached job unless one already runs or there is no model
    /// (then says so: the import itself succeeded either way).
    private func startEmbedding() {
        guard ModelLocator.find(explicit: nil) != nil else {
            Console.error("tarsier: not embedding: \(ModelLocator.missingModelMessage(explicit: nil))")
            return
        }
        if let holder = EmbeddingJobLock.holder(reviewPath: review.path) {
            print("embedding already running (\(holder.description)); it will embed the new records")
            return
        }
        let logPath = review.path + ".embed.log"
        do {
            let pid = try DetachedProcess.spawn(arguments: ["embed", review.path], logPath: logPath)
            print(
                "embedding in the background, pid \(pid); follow it with `tarsier status \(review.path)` or `tail -f \(logPath)`"
            )
        } catch {
            Console.error(
                "tarsier: could not start embedding: \(error.localizedDescription); run `tarsier embed \(review.path)`")
        }
    }
}

/// The import command's terminal output: one progress bar for the file being parsed, and result
/// and warning lines that never land in the middle of the bar (the parser runs on another thread).
private final class ImportOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var bar: (file: String, bar: ProgressBar)?

    func progress(file: String, done: Int64, total: Int64) {
        lock.lock()
        defer { lock.unlock() }
        if bar?.file != file {
            bar?.bar.finish()
            bar = (file, ProgressBar(label: URL(fileURLWithPath: file).lastPathComponent, unit: "B"))
        }
        bar?.bar.update(Int(done), of: Int(total))
    }

    /// Lines for standard error (warnings, errors).
    func lines(_ lines: [String]) {
        lock.lock()
        defer { lock.unlock() }
        bar?.bar.finish()
        lines.forEach(Console.error)
    }

    /// A result line for standard output.
    func result(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        bar?.bar.finish()
        print(line)
        fflush(nil)
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        bar?.bar.finish()
        bar = nil
    }
}

extension ImportFormat: ExpressibleByArgument {}
