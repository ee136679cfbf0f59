import ReviewModel

/// Receives records while a file is being read, in file order, in chunks: storing can start before
/// parsing ends.
public typealias RecordChunkHandler = ([ImportedRecord]) -> Void

/// What an importer produced from one file: its records and the problems it noticed.
public struct ImportResult: Sendable {
    /// The format the file was read as.
    public var format: ImportFormat
    /// Records in file order.
    public var records: [ImportedRecord]
    /// Warnings and record-level errors, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(format: ImportFormat, records: [ImportedRecord], diagnostics: [Diagnostic]) {
        self.format = format
        self.records = records
        self.diagnostics = diagnostics
    }

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Called now and then during an import with (bytes processed, total bytes) for a progress bar.
public typealias ImportProgress = (_ bytesRead: Int64, _ totalBytes: Int64) -> Void
