/// One record as produced by an importer, before it is stored in a review.
public struct ImportedRecord: Sendable, Codable, Hashable {
    /// The citation's fields.
    public var fields: ReferenceFields
    /// 1-based line in the source file where the record starts (for `file:line` messages).
    public var line: Int
    /// An identifier the source gave the record (CSV `record_id`, RIS `ID`), if any.
    public var sourceID: String?
    /// A decision carried in the file (CSV `label_included`, a tarsier RIS export), if any.
    public var label: Label?
    /// The record's text exactly as it appeared in the source file.
    public var raw: String

    public init(fields: ReferenceFields, line: Int, sourceID: String? = nil, label: Label? = nil, raw: String = "") {
        self.fields = fields
        self.line = line
        self.sourceID = sourceID
        self.label = label
        self.raw = raw
    }
}
