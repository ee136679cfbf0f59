import Formats
import Foundation

/// A labelled dataset for `tarsier simulate`: the benchmark CSV shape
/// (`record_id,title,abstract,label_included[,pmid]`) or ASReview's CSV shape (`title`,
/// `abstract`, `keywords`, label in `included` or `label_included`, optional `record_id`/`id`).
struct SimulationDataset {
    let recordIDs: [String]
    let texts: [String]
    let labels: [Bool]
    /// Title + "\n" + abstract of every record: the text the live review embeds.
    let embeddingTexts: [String]

    init(recordIDs: [String], texts: [String], labels: [Bool], embeddingTexts: [String]) {
        self.recordIDs = recordIDs
        self.texts = texts
        self.labels = labels
        self.embeddingTexts = embeddingTexts
    }

    init(contentsOf path: String) throws {
        let table = try CSVParser.parse(contentsOf: URL(fileURLWithPath: path))
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        guard let labelColumn = column(["label_included", "included", "label", "final_included"]) else {
            throw SimulationCommandError("\(path): no label column (label_included or included)")
        }
        let idColumn = column(["record_id", "id"])
        let textColumns = [
            column(["title", "primary_title"]), column(["abstract", "notes_abstract"]),
            column(["keywords"]), column(["mesh", "mesh_terms"]),
        ].compactMap { $0 }
        guard !textColumns.isEmpty else { throw SimulationCommandError("\(path): no title or abstract column") }
        var ids: [String] = []
        var texts: [String] = []
        var labels: [Bool] = []
        var embeddingTexts: [String] = []
        let titleColumn = column(["title", "primary_title"])
        let abstractColumn = column(["abstract", "notes_abstract"])
        for (offset, row) in table.rows.enumerated() {
            func field(_ index: Int) -> String { index < row.count ? row[index] : "" }
            ids.append(idColumn.map(field) ?? "\(offset)")
            texts.append(textColumns.map(field).joined(separator: "\n"))
            embeddingTexts.append((titleColumn.map(field) ?? "") + "\n" + (abstractColumn.map(field) ?? ""))
            let label = field(labelColumn).trimmingCharacters(in: .whitespaces)
            labels.append(label == "1" || label.lowercased() == "true" || label == "1.0")
        }
        recordIDs = ids
        self.texts = texts
        self.labels = labels
        self.embeddingTexts = embeddingTexts
    }
}

/// A runtime failure of `simulate`, printed to standard error.
struct SimulationCommandError: Error, CustomStringConvertible, LocalizedError {
    var errorDescription: String? { description }
    let description: String
    init(_ description: String) { self.description = description }
}
