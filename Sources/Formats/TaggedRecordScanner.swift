import ReviewModel

/// Groups the lines of a MEDLINE or Web of Science file into records of tagged values.
///
/// Both formats put a tag at the start of a line and indent continuation lines (six spaces in
/// MEDLINE, three in Web of Science). A record starts at `startTag` and ends at `endTag` (when the
/// format has one) or at the next `startTag`.
struct TaggedRecordScanner {
    /// One record's values in file order.
    struct Record {
        /// 1-based line of the record's first tag.
        var line: Int
        /// (tag, first value line, continuation lines, line) in file order.
        var entries: [(tag: String, value: Substring, more: [Substring], line: Int)] = []
        /// Byte range of the record in the file.
        var rawStart: Int
        var rawEnd: Int
        /// The record's text as in the file (filled when the record is emitted).
        var raw = ""
    }

    let file: String
    let startTag: String
    let endTag: String?
    /// Tags whose continuation lines are separate values (WoS `AU`/`AF`).
    let listTags: Set<String>
    /// The only tags the reader maps; others (and their continuation lines) are not kept, which
    /// halves the work per record (MEDLINE records carry ~50 tags, a dozen of them bibliographic).
    let wantedTags: Set<String>
    let split: (String) -> TaggedLine?

    /// Scans `bytes`, calling `emit` for each finished record; returns the diagnostics.
    func scan(
        _ bytes: [UInt8], progress: ImportProgress?, emit: (Record) -> Void
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var current: Record?
        var warnedOutside = false
        var skipping = false  // inside a tag that is not wanted
        let total = Int64(bytes.count)
        var nextReport = 1 << 20
        for line in TextLines(bytes) {
            if let progress, line.endOffset >= nextReport {
                progress(Int64(line.endOffset), total)
                nextReport = line.endOffset + (1 << 20)
            }
            if line.wasRepaired {
                diagnostics.append(.warning("invalid UTF-8 replaced by U+FFFD", file: file, line: line.number))
            }
            let first = line.firstByte
            if first == 0x20 || first == 0x09 {  // continuation line
                if skipping {
                    current?.rawEnd = line.endOffset
                    continue
                }
                guard var record = current, !record.entries.isEmpty else { continue }
                current = nil
                let text = TaggedLine.trimmed(Substring(line.text))
                let last = record.entries.count - 1
                if listTags.contains(record.entries[last].tag) {
                    record.entries.append((record.entries[last].tag, text, [], line.number))
                } else {
                    record.entries[last].more.append(text)
                }
                record.rawEnd = line.endOffset
                current = record
                continue
            }
            // Read the tag from the bytes first: lines of unwanted tags are never decoded.
            guard let candidate = line.leadingTag(maxLength: 4) else {
                if !line.isEmpty { current?.rawEnd = line.endOffset }
                continue
            }
            if candidate != startTag, candidate != endTag, !wantedTags.contains(candidate) {
                if current != nil {
                    current?.rawEnd = line.endOffset
                    skipping = true
                }
                continue
            }
            guard let tagged = split(line.text) else {
                current?.rawEnd = line.endOffset
                continue
            }
            let tag = String(tagged.tag)  // short tags are stored inline: no allocation, fast ==
            if tag == startTag {
                if let record = current { emit(finished(record, bytes)) }
                current = Record(line: line.number, rawStart: line.startOffset, rawEnd: line.endOffset)
                current?.entries.reserveCapacity(32)
            } else if let endTag, tag == endTag {
                if var record = current {
                    record.rawEnd = line.endOffset
                    emit(finished(record, bytes))
                }
                current = nil
                continue
            }
            guard current != nil else {
                if !warnedOutside, endTag == nil || (tag != "FN" && tag != "VR" && tag != "EF") {
                    warnedOutside = true
                    diagnostics.append(
                        .warning(
                            "tagged lines before the first \(startTag) are ignored (first one here)",
                            file: file, line: line.number, field: tag))
                }
                continue
            }
            current?.rawEnd = line.endOffset
            skipping = !wantedTags.contains(tag)
            if !skipping { current?.entries.append((tag, tagged.value, [], line.number)) }
        }
        if let record = current { emit(finished(record, bytes)) }
        progress?(total, total)
        return diagnostics
    }

    private func finished(_ record: Record, _ bytes: [UInt8]) -> Record {
        var record = record
        record.raw = TextLines.rawText(bytes, from: record.rawStart, to: record.rawEnd)
        return record
    }
}

extension TaggedRecordScanner.Record {
    /// Each tag's values in file order, joined over continuation lines with a space, trimmed, non-empty.
    func grouped() -> TaggedValues {
        var values: [String: [String]] = [:]
        values.reserveCapacity(entries.count)
        for entry in entries {
            let joined = entry.more.isEmpty ? String(entry.value) : ([entry.value] + entry.more).joined(separator: " ")
            guard let value = FieldNormalisation.nonEmpty(joined) else { continue }
            values[entry.tag, default: []].append(value)
        }
        return TaggedValues(values: values)
    }
}

/// A record's values by tag.
struct TaggedValues {
    let values: [String: [String]]

    /// All values of `tag`.
    func all(_ tag: String) -> [String] { values[tag] ?? [] }

    /// The first value of the first tag in `tags` that has one.
    func first(_ tags: String...) -> String? {
        for tag in tags { if let value = values[tag]?.first { return value } }
        return nil
    }
}

extension TaggedRecordScanner {
    /// Scans `bytes` and maps every record with `map`, warning (with its line) about records that
    /// have neither a title nor an abstract; diagnostics come back in line order.
    func importRecords(
        _ bytes: [UInt8], format: ImportFormat, progress: ImportProgress?, map: (Record) -> ImportedRecord
    ) -> ImportResult {
        var records: [ImportedRecord] = []
        var recordDiagnostics: [Diagnostic] = []
        var diagnostics = scan(bytes, progress: progress) { record in
            let imported = map(record)
            if imported.fields.isEmpty {
                recordDiagnostics.append(.warning("record has no title and no abstract", file: file, line: record.line))
            }
            records.append(imported)
        }
        diagnostics += recordDiagnostics
        diagnostics.sort { $0.line < $1.line }
        return ImportResult(format: format, records: records, diagnostics: diagnostics)
    }
}
