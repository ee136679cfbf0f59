import ReviewSession
import Evaluation
import Formats
import Foundation
import ReviewModel
import ReviewStore

extension SimulationDataset {
    /// An export file (anything `tarsier import` reads) with its labels file: the records are
    /// stored in an in-memory review exactly as `import` stores them (markup cleaned, duplicates
    /// grouped), so the pool, its order and its texts are those the live screen ranks. A record's
    /// id is its PMID (else DOI, else source id); it is relevant when any record of its duplicate
    /// group is labelled included.
    init(export path: String, labels labelsPath: String) throws {
        let url = URL(fileURLWithPath: path)
        let result = try Importer.read(url: url)
        for diagnostic in result.diagnostics where diagnostic.severity == .error {
            throw SimulationCommandError(diagnostic.description)
        }
        let labelFile = try LabelFile(contentsOf: labelsPath)
        let database = try ReviewDatabase.inMemory()
        _ = try database.importBatch(
            ImportBatchInput(
                fileName: url.lastPathComponent, format: result.format, sha256: try SHA256.hex(fileAt: url),
                records: result.records, warnings: result.diagnostics.map(\.description)))
        let known = try labelFile.labels(of: database)
        let canonical = try database.records(.all)
        // The texts the live screen ranks (plain text, in the same order).
        let texts = try database.screeningTexts().map(\.document)
        let labels = canonical.map { known[$0.id] ?? false }
        let unlabelled = canonical.count - known.count
        if unlabelled > 0 {
            FileHandle.standardError.write(
                Data(
                    "tarsier simulate: \(unlabelled) of \(canonical.count) records are not in \(labelsPath); counted as excludes\n"
                        .utf8))
        }
        self.init(
            recordIDs: canonical.map { $0.fields.pmid ?? $0.fields.doi ?? $0.sourceID ?? "record-\($0.id)" },
            texts: texts, labels: labels)
    }
}
