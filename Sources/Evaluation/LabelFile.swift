/// A review's published include list kept beside an export (`labels.csv`), joined to records by
/// their identifiers, so `tarsier simulate EXPORT --labels labels.csv` can measure a ranking on a
/// file exactly as `tarsier import` reads it.
///
/// The file is CSV with a header: one identifier column (`pmid`, `doi` or `record_id`, matched in
/// that order of preference) and one label column (`label_included`, `included` or `label`, with
/// `1`/`0`, `true`/`false` or `include`/`exclude`). A record is relevant when any identifier of any
/// record in its duplicate group is labelled included.
public struct LabelFile: Sendable, Equatable {
    /// Which identifier a label row names.
    public enum Key: String, Sendable, CaseIterable {
        case pmid, doi, recordID = "record_id"
    }

    /// The identifier column the file uses.
    public let key: Key
    /// Label by normalised identifier.
    public let labels: [String: Bool]

    /// Reads the table; throws `EvaluationError.invalidLabels` naming the line of a bad row.
    public init(header: [String], rows: [[String]], rowLines: [Int], file: String) throws {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let key = Key.allCases.first(where: { names.contains($0.rawValue) }),
            let keyColumn = names.firstIndex(of: key.rawValue)
        else {
            throw EvaluationError.invalidLabels("\(file):1: error: no identifier column (pmid, doi or record_id)")
        }
        guard
            let labelColumn = ["label_included", "included", "label"].lazy.compactMap({ names.firstIndex(of: $0) })
                .first
        else {
            throw EvaluationError.invalidLabels("\(file):1: error: no label column (label_included, included or label)")
        }
        var labels: [String: Bool] = [:]
        for (index, row) in rows.enumerated() {
            let line = index < rowLines.count ? rowLines[index] : index + 2
            let id = keyColumn < row.count ? Self.normalise(row[keyColumn], key: key) : ""
            let value = labelColumn < row.count ? row[labelColumn] : ""
            guard !id.isEmpty else {
                throw EvaluationError.invalidLabels("\(file):\(line): error: empty \(key.rawValue)")
            }
            guard let included = Self.parseLabel(value) else {
                throw EvaluationError.invalidLabels(
                    "\(file):\(line): error: label '\(value)' is not 1/0, true/false or include/exclude")
            }
            if labels[id] != nil, labels[id] != included {
                throw EvaluationError.invalidLabels(
                    "\(file):\(line): error: \(key.rawValue) \(id) is labelled both ways")
            }
            labels[id] = included
        }
        self.key = key
        self.labels = labels
    }

    /// The label of a record with these identifiers, or nil when the file does not name it.
    public func label(pmid: String?, doi: String?, recordID: String?) -> Bool? {
        let value: String? =
            switch key {
            case .pmid: pmid
            case .doi: doi
            case .recordID: recordID
            }
        return value.flatMap { labels[Self.normalise($0, key: key)] }
    }

    static func normalise(_ value: String, key: Key) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return key == .doi ? trimmed.lowercased() : trimmed
    }

    static func parseLabel(_ value: String) -> Bool? {
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "1.0", "true", "yes", "include", "included": true
        case "0", "0.0", "false", "no", "exclude", "excluded": false
        default: nil
        }
    }
}
