import Foundation

/// A parsed CSV file: the header row and the data rows, each with its starting line.
public struct CSVTable: Sendable, Equatable {
    /// The first row's fields, as written (BOM removed).
    public let header: [String]
    /// Data rows; a row may have fewer or more fields than the header.
    public let rows: [[String]]
    /// 1-based line of the file on which each row starts (parallel to `rows`).
    public let rowLines: [Int]

    /// Creates a table from already-split fields.
    public init(header: [String], rows: [[String]], rowLines: [Int]) {
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
    }
}

/// An RFC 4180 CSV reader working on UTF-8 bytes.
///
/// Follows RFC 4180 §2 (https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas,
/// records by CRLF or LF (a lone CR is also accepted), fields optionally enclosed in double
/// quotes, inside which commas, line breaks and doubled quotes (`""`) are literal.
/// A leading UTF-8 byte-order mark is skipped. Lines that are completely empty are skipped.
public enum CSVParser {
    /// Parses CSV text.
    /// - Throws: `FormatsError.unterminatedQuote` when a quoted field runs to the end of input.
    public static func parse(_ text: String) throws -> CSVTable {
        var copy = text
        return try copy.withUTF8 { try parse(bytes: UnsafeRawBufferPointer($0), file: "<string>") }
    }

    /// Reads and parses a CSV file.
    /// - Throws: `FormatsError.unreadable` when the file cannot be read, or a parse error.
    public static func parse(contentsOf url: URL) throws -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FormatsError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try data.withUnsafeBytes { try parse(bytes: $0, file: url.path) }
    }

    /// Parses CSV held in raw UTF-8 bytes; `file` names the source in errors.
    ///
    /// With `tabSeparated`, fields are separated by tabs and quotes are literal text, as in Web of
    /// Science's tab-delimited export (which never quotes, and whose titles may start with `"`).
    static func parse(bytes: UnsafeRawBufferPointer, file: String, tabSeparated: Bool = false) throws -> CSVTable {
        var scanner = Scanner(bytes: bytes, separator: tabSeparated ? 0x09 : 0x2C, quoting: !tabSeparated)
        var records: [[String]] = []
        var lines: [Int] = []
        while let (record, line) = try scanner.nextRecord(file: file) {
            records.append(record)
            lines.append(line)
        }
        guard let header = records.first else {
            return CSVTable(header: [], rows: [], rowLines: [])
        }
        return CSVTable(header: header, rows: Array(records.dropFirst()), rowLines: Array(lines.dropFirst()))
    }

    /// The byte-level state machine; one instance per parse.
    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var position = 0
        var line = 1
        var field: [UInt8] = []
        /// The field separator (comma or tab).
        let separator: UInt8
        /// False when quotes are ordinary characters.
        let quoting: Bool

        init(bytes: UnsafeRawBufferPointer, separator: UInt8, quoting: Bool) {
            self.bytes = bytes
            self.separator = separator
            self.quoting = quoting
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        }

        private static let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

        /// Consumes a line break at `position` (CRLF, LF or CR) if there is one.
        private mutating func consumeNewline() -> Bool {
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            if byte == Self.lf { position += 1; line += 1; return true }
            if byte == Self.cr {
                position += 1
                if position < bytes.count, bytes[position] == Self.lf { position += 1 }
                line += 1
                return true
            }
            return false
        }

        /// Reads one record; nil at end of input. Returns the record and its starting line.
        mutating func nextRecord(file: String) throws -> ([String], Int)? {
            while consumeNewline() {}  // skip blank lines
            guard position < bytes.count else { return nil }
            let startLine = line
            var record: [String] = []
            while true {
                record.append(try nextField(file: file, recordLine: startLine))
                guard position < bytes.count else { return (record, startLine) }
                if bytes[position] == separator { position += 1; continue }
                _ = consumeNewline()
                return (record, startLine)
            }
        }

        /// Reads one field, leaving `position` on the separator, line break or end of input.
        private mutating func nextField(file: String, recordLine: Int) throws -> String {
            let count = bytes.count
            guard quoting, position < count, bytes[position] == Self.quote else {
                let start = position
                while position < count {
                    let byte = bytes[position]
                    if byte == separator || byte == Self.lf || byte == Self.cr { break }
                    position += 1
                }
                return Self.string(bytes[start..<position])
            }
            let openLine = line
            position += 1
            field.removeAll(keepingCapacity: true)
            var segmentStart = position
            while true {
                guard position < count else {
                    throw FormatsError.unterminatedQuote(file: file, line: openLine)
                }
                let byte = bytes[position]
                if byte == Self.quote {
                    field.append(contentsOf: bytes[segmentStart..<position])
                    position += 1
                    if position < count, bytes[position] == Self.quote {
                        field.append(Self.quote)
                        position += 1
                        segmentStart = position
                        continue
                    }
                    // Closing quote; tolerate stray text up to the separator (not RFC 4180, but
                    // spreadsheets write it) by appending it verbatim.
                    let rest = position
                    while position < count {
                        let next = bytes[position]
                        if next == separator || next == Self.lf || next == Self.cr { break }
                        position += 1
                    }
                    field.append(contentsOf: bytes[rest..<position])
                    return String(decoding: field, as: UTF8.self)
                }
                if byte == Self.lf {
                    line += 1
                } else if byte == Self.cr {
                    if position + 1 >= count || bytes[position + 1] != Self.lf { line += 1 }
                }
                position += 1
            }
        }

        private static func string(_ slice: Slice<UnsafeRawBufferPointer>) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: slice), as: UTF8.self)
        }
    }
}
