import Evaluation
import Formats
import Foundation
import ReviewStore

extension LabelFile {
    /// Reads a labels CSV (`pmid`, `doi` or `record_id` with `label_included`).
    public init(contentsOf path: String) throws {
        let table = try CSVParser.parse(contentsOf: URL(fileURLWithPath: path))
        try self.init(
            header: table.header, rows: table.rows, rowLines: table.rowLines,
            file: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// The label of each screenable record of a review, joined by its identifiers: a record is
    /// relevant when it, or any record of its duplicate group, is labelled included. Records the
    /// file does not name are left out.
    public func labels(of database: ReviewDatabase) throws -> [Int64: Bool] {
        func label(_ record: StoredRecord) -> Bool? {
            self.label(pmid: record.fields.pmid, doi: record.fields.doi, recordID: record.sourceID)
        }
        var groupIncluded: [Int64: Bool] = [:]
        for duplicate in try database.records(.duplicates) {
            guard let group = duplicate.duplicateGroupID, let included = label(duplicate) else { continue }
            groupIncluded[group] = (groupIncluded[group] ?? false) || included
        }
        var result: [Int64: Bool] = [:]
        for record in try database.records(.all) {
            let group = record.duplicateGroupID.flatMap { groupIncluded[$0] }
            guard let own = label(record) ?? group else { continue }
            result[record.id] = own || (group ?? false)
        }
        return result
    }
}
