import Formats
import Foundation
import ReviewStore

/// A labelled dataset for `tarsier simulate`: the benchmark CSV shape
/// (`record_id,title,abstract,label_included[,pmid]`) or ASReview's CSV shape (`title`,
/// `abstract`, `keywords`, label in `included` or `label_included`, optional `record_id`/`id`).
struct SimulationDataset {
    let recordIDs: [String]
    /// Each record's `ScreeningText.document`: the text the live screen ranks and embeds.
    let texts: [String]
    let labels: [Bool]
    /// Text columns of the file that are not ranked on (keywords, MeSH): the screen ranks a
    /// record's title and abstract only, so `simulate` does too and names what it leaves out.
    let unrankedColumns: [String]

    init(recordIDs: [String], texts: [String], labels: [Bool], unrankedColumns: [String] = []) {
        self.recordIDs = recordIDs
        self.texts = texts
        self.labels = labels
        self.unrankedColumns = unrankedColumns
    }

    init(contentsOf path: String) throws {
        let table = try CSVParser.parse(contentsOf: URL(fileURLWithPath: path))
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        guard let labelColumn = column(["label_included", "included", "label", "final_included"]) else {
            throw SimulationCommandError("\(path): no label column (label_included or included)")
        }
        let idColumn = column(["record_id", "id"])
        let titleColumn = column(["title", "primary_title"])
        let abstractColumn = column(["abstract", "notes_abstract"])
        guard titleColumn != nil || abstractColumn != nil else {
            throw SimulationCommandError("\(path): no title or abstract column")
        }
        var ids: [String] = []
        var texts: [String] = []
        var labels: [Bool] = []
        for (offset, row) in table.rows.enumerated() {
            func field(_ index: Int) -> String { index < row.count ? row[index] : "" }
            ids.append(idColumn.map(field) ?? "\(offset)")
            texts.append(
                ScreeningText(
                    id: Int64(offset), storedTitle: titleColumn.map(field) ?? "",
                    storedAbstract: abstractColumn.map(field) ?? ""
                ).document)
            let label = field(labelColumn).trimmingCharacters(in: .whitespaces)
            labels.append(label == "1" || label.lowercased() == "true" || label == "1.0")
        }
        self.init(
            recordIDs: ids, texts: texts, labels: labels,
            unrankedColumns: ["keywords", "mesh", "mesh_terms"].filter { header.contains($0) })
    }
}

/// A runtime failure of `simulate`, printed to standard error.
struct SimulationCommandError: Error, CustomStringConvertible, LocalizedError {
    var errorDescription: String? { description }
    let description: String
    init(_ description: String) { self.description = description }
}
