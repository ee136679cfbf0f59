import Foundation
import ReviewModel

/// Reads RIS files (Zotero, EndNote, Embase, Ovid, Scopus, ProQuest, Rayyan, Web of Science RIS).
///
/// A record starts at `TY  -` and ends at `ER  -` (or at the next `TY`, or at the end of the file).
/// Untagged lines continue the previous tag; for list tags (`KW`, `AU`…) they are further values.
/// Text outside records (Ovid's `1.` numbering, blank lines) is skipped. See ``RISTags`` for the
/// field mapping and ``RISRecordMapper`` for how values become ``ReferenceFields``.
public struct RISReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads an RIS file (plain or gzip).
    /// - Throws: `FormatsError.unreadable` when the file cannot be read.
    public func read(url: URL, progress: ImportProgress? = nil) throws -> ImportResult {
        try read(source: ByteSource(url: url), progress: progress)
    }

    /// Reads everything `source` holds; diagnostics name `source.path`.
    func read(source: ByteSource, progress: ImportProgress?) throws -> ImportResult {
        read(bytes: try source.readAll(), file: source.path, progress: progress)
    }

    /// Reads RIS held in memory; `file` names the source in diagnostics.
    public func read(bytes: [UInt8], file: String, progress: ImportProgress? = nil) -> ImportResult {
        var state = ParseState(file: file, bytes: bytes)
        let total = Int64(bytes.count)
        var nextReport = 1 << 20
        for line in TextLines(bytes) {
            state.consume(line)
            if let progress, line.endOffset >= nextReport {
                progress(Int64(line.endOffset), total)
                nextReport = line.endOffset + (1 << 20)
            }
        }
        state.finishRecord(endedByER: false)
        progress?(total, total)
        return ImportResult(format: .ris, records: state.records, diagnostics: state.diagnostics)
    }

    /// The line-by-line state machine.
    private struct ParseState {
        let file: String
        var records: [ImportedRecord] = []
        var diagnostics: [Diagnostic] = []
        var current: RISRecordMapper.Pending?
        var warnedTags: Set<String> = []
        var warnedOutside = false
        /// Inside a tag whose value is not kept (its continuation lines are skipped too).
        var skipping = false

        let bytes: [UInt8]

        init(file: String, bytes: [UInt8]) {
            self.file = file
            self.bytes = bytes
        }

        mutating func consume(_ line: TextLine) {
            if line.wasRepaired {
                diagnostics.append(
                    .warning("invalid UTF-8 replaced by U+FFFD", file: file, line: line.number))
            }
            // The tag is read from the bytes; a line is decoded only when its value is kept.
            guard let tag = line.risTag() else {
                continueValue(line)
                return
            }
            switch tag {
            case "TY":
                if current != nil {
                    diagnostics.append(
                        .warning("record has no ER line; ended at the next TY", file: file, line: line.number))
                    finishRecord(endedByER: false)
                }
                skipping = false
                let type = TaggedLine.ris(line.text).map { String($0.value) }
                current = RISRecordMapper.Pending(
                    line: line.number, type: type, rawStart: line.startOffset, rawEnd: line.endOffset)
            case "ER":
                current?.rawEnd = line.endOffset
                finishRecord(endedByER: true)
            default:
                guard current != nil else {
                    // Ovid writes `NL  -` after `ER`; text outside TY…ER belongs to no record.
                    if !warnedOutside, !RISTags.betweenRecords.contains(tag) {
                        warnedOutside = true
                        diagnostics.append(
                            .warning(
                                "tagged lines outside a TY…ER record are ignored (first one here)",
                                file: file, line: line.number, field: tag))
                    }
                    return
                }
                if !RISTags.known.contains(tag), warnedTags.insert(tag).inserted {
                    diagnostics.append(
                        .warning("unknown RIS tag \(tag) ignored", file: file, line: line.number, field: tag))
                }
                current?.rawEnd = line.endOffset
                skipping = !RISTags.mapped.contains(tag)
                if !skipping, let tagged = TaggedLine.ris(line.text) {
                    current?.entries.append(.init(tag: tag, first: tagged.value, line: line.number))
                }
            }
        }

        /// An untagged line: continuation of the previous value, or text between records.
        mutating func continueValue(_ line: TextLine) {
            guard var pending = current else { return }
            current = nil  // keep `pending` uniquely referenced while it is edited
            defer { current = pending }
            if !line.isEmpty { pending.rawEnd = line.endOffset }
            guard !skipping, let last = pending.entries.last else { return }
            let text = TaggedLine.trimmed(Substring(line.text))
            if RISTags.listTags.contains(last.tag) {
                if !text.isEmpty { pending.entries.append(.init(tag: last.tag, first: text, line: line.number)) }
            } else {
                pending.entries[pending.entries.count - 1].more.append(text)
            }
        }

        mutating func finishRecord(endedByER: Bool) {
            guard let pending = current else { return }
            current = nil
            if !endedByER {
                if pending.entries.isEmpty && pending.type == nil { return }
            }
            let raw = TextLines.rawText(bytes, from: pending.rawStart, to: pending.rawEnd)
            let mapped = RISRecordMapper.map(pending, raw: raw, file: file)
            records.append(mapped.record)
            diagnostics.append(contentsOf: mapped.diagnostics)
        }
    }
}
