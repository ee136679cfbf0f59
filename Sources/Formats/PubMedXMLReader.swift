import Foundation
import ReviewModel

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads PubMed XML (`PubmedArticleSet` from efetch or the MEDLINE baseline), plain or gzip.
///
/// Streams with `XMLParser(stream:)` so memory stays bounded (`XMLParser(data:)` fails above
/// about 10 MB on Linux, shared/docs/toolchain-notes.md §5); external entities (the NLM DTD) are
/// never resolved. Element meanings follow NLM's PubMed DTD documentation
/// (https://www.nlm.nih.gov/bsd/licensee/elements_descriptions.html). Records carry no `raw`
/// text: re-serialising each article's XML would double the work for little use.
public struct PubMedXMLReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads a PubMed XML file.
    /// - Throws: `FormatsError.truncated` when the document stops before its end,
    ///   `.invalid` when it is not well-formed, `.unreadable` when it cannot be opened.
    public func read(url: URL, progress: ImportProgress? = nil) throws -> ImportResult {
        try read(source: ByteSource(url: url), progress: progress)
    }

    /// Streams `source` through the parser; errors and diagnostics name `source.path`.
    ///
    /// - Parameter onRecords: when given, records are handed over in chunks as the parser finishes
    ///   them (the result then holds none); an error may still be thrown after some chunks.
    func read(source: ByteSource, progress: ImportProgress?, onRecords: RecordChunkHandler? = nil) throws
        -> ImportResult
    {
        let file = source.path
        let stream = ByteSourceInputStream(source: source, progress: progress)
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let handler = PubMedXMLHandler(file: file)
        handler.chunkHandler = onRecords
        parser.delegate = handler
        let ok = parser.parse()
        if let failure = stream.failure {
            if stream.failureIsRefusal { throw failure }
            throw failure.at(line: min(parser.lineNumber, stream.newlines + 1))
        }
        let lastLine = stream.newlines + 1
        if let error = handler.firstError {
            let line = max(1, min(error.line, lastLine))
            if stream.reachedEnd && handler.openElements > 0 && line >= lastLine - 1 {
                throw FormatsError.truncated(
                    file: file, line: line, reason: "XML ends inside <\(handler.innermostElement)> (\(error.message))")
            }
            throw FormatsError.invalid(file: file, line: line, reason: "malformed XML: \(error.message)")
        }
        if !ok {
            let reason = parser.parserError.map { "\($0)" } ?? "unknown XML error"
            let line = max(1, min(parser.lineNumber, lastLine))
            throw FormatsError.invalid(file: file, line: line, reason: "malformed XML: \(reason)")
        }
        if stream.contentBytes == 0 || !handler.sawRoot {
            throw FormatsError.invalid(file: file, line: 1, reason: "no PubmedArticleSet element")
        }
        if handler.openElements > 0 {
            let last = handler.lastRecordLine.map { " (last complete record starts on line \($0))" } ?? ""
            throw FormatsError.truncated(
                file: file, line: max(1, min(parser.lineNumber, lastLine)),
                reason: "XML ends inside <\(handler.innermostElement)>\(last)")
        }
        progress?(source.fileSize, source.fileSize)
        let repairs = stream.repairedLines.map {
            Diagnostic.warning("invalid UTF-8 replaced by '?'", file: file, line: $0)
        }
        let diagnostics = (repairs + handler.diagnostics).sorted { $0.line < $1.line }
        if let onRecords {
            if !handler.records.isEmpty { onRecords(handler.records) }
            return ImportResult(format: .pubmedXML, records: [], diagnostics: diagnostics)
        }
        return ImportResult(format: .pubmedXML, records: handler.records, diagnostics: diagnostics)
    }
}

extension FormatsError {
    /// The same error pointing at `line` when it had no better line (gzip errors are found mid-parse).
    func at(line: Int) -> FormatsError {
        switch self {
        case .truncated(let file, 1, let reason): return .truncated(file: file, line: max(1, line), reason: reason)
        case .invalid(let file, 1, let reason): return .invalid(file: file, line: max(1, line), reason: reason)
        default: return self
        }
    }
}
