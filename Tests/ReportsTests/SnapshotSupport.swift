import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden-file checks for report output: `Snapshots/<name>` beside this file.
/// `RECORD_SNAPSHOTS=1 swift test` (re)writes them; a missing snapshot otherwise fails.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static func assertMatches(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
                Issue.record("could not record \(name): \(error)", sourceLocation: sourceLocation)
            }
            // A recording run never passes: it compared nothing. Run again without the switch.
            Issue.record(
                "recorded snapshot \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing snapshot \(name); run with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if stored != text {
            let storedLines = stored.split(separator: "\n", omittingEmptySubsequences: false)
            let newLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(storedLines, newLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(storedLines.count, newLines.count)
            Issue.record(
                "snapshot \(name) differs from line \(first + 1); RECORD_SNAPSHOTS=1 re-records",
                sourceLocation: sourceLocation)
        }
    }

    /// Whether `text` parses as well-formed XML (FoundationXML's libxml2-backed parser).
    static func isWellFormedXML(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse()
    }

    /// Element names in document order, for structural checks.
    static func elementNames(_ text: String) -> [String] {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        _ = parser.parse()
        return collector.names
    }
}

/// Collects element names and text while parsing.
final class ElementCollector: NSObject, XMLParserDelegate {
    var names: [String] = []
    var text = ""
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        names.append(elementName)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
