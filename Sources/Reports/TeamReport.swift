import Foundation
import ReviewModel
import TeamScreening

/// Pairwise agreement as a lead exports it (`export --what agreement`): per pair of assessors the
/// records both decided, the counts table, Cohen's κ with its 95 % CI, percent agreement, PABAK
/// and Gwet's AC1; the calibration round's κ beside the whole review's.
public struct AgreementReport: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public let scope: String
        public let pair: PairAgreement
    }

    public let rows: [Row]

    /// The whole review's pairs, then the calibration round's (first `calibrationSize` shared records).
    public init(summary: TeamSummary) {
        rows =
            summary.agreement().map { Row(scope: "all", pair: $0) }
            + summary.agreement(calibration: summary.rules.settings.calibrationSize).map {
                Row(scope: "calibration", pair: $0)
            }
    }

    static func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }

    /// One line per pair and scope; the counts table flattened as `first/second=n` cells.
    public func csv() -> String {
        var lines = [
            "scope,first,second,records,percent_agreement,kappa,kappa_se,kappa_ci_low,kappa_ci_high,pabak,ac1,table"
        ]
        for row in rows {
            let s = row.pair.statistics
            let table = row.pair.table
            let cells = table.categories.enumerated().flatMap { i, a in
                table.categories.enumerated().map { j, b in "\(a)/\(b)=\(table.counts[i][j])" }
            }.joined(separator: " ")
            lines.append(
                [
                    row.scope, TextEscaping.csvField(row.pair.first), TextEscaping.csvField(row.pair.second),
                    "\(s.records)",
                    Self.number(s.percentAgreement), Self.number(s.kappa), Self.number(s.kappaStandardError),
                    Self.number(s.kappaLower), Self.number(s.kappaUpper), Self.number(s.pabak), Self.number(s.ac1),
                    cells,
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// A few readable lines (for `status` and `team`).
    public func text() -> String {
        guard !rows.isEmpty else { return "agreement: no record has been decided by two assessors yet\n" }
        return rows.map { row in
            let s = row.pair.statistics
            let kappa =
                s.kappa.map { k in
                    String(format: "κ %.2f (95%% CI %.2f to %.2f)", k, s.kappaLower ?? k, s.kappaUpper ?? k)
                } ?? "κ undefined (one category only)"
            return String(
                format: "%@ %@ × %@: %d records, agreement %.0f%%, %@, PABAK %.2f, AC1 %.2f", row.scope,
                row.pair.first, row.pair.second, s.records, s.percentAgreement * 100, kappa, s.pabak, s.ac1)
        }.joined(separator: "\n") + "\n"
    }
}

/// The records in conflict with every vote, as a lead reads them (`tarsier conflicts`,
/// `export --what conflicts`).
public struct ConflictReport: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public let recordID: Int64
        public let title: String
        public let votes: [Vote]
    }

    public let entries: [Entry]

    /// The conflicts of `summary`, titled by `title(recordID)`.
    public init(summary: TeamSummary, title: (Int64) throws -> String) rethrows {
        entries = try summary.conflicts.map {
            Entry(recordID: $0.recordID, title: try title($0.recordID), votes: $0.votes)
        }
    }

    /// One line per vote.
    public func csv() -> String {
        var lines = ["record_id,title,assessor,label,reason,note,decided_at"]
        let dates = ISO8601DateFormatter()
        for entry in entries {
            for vote in entry.votes {
                lines.append(
                    [
                        "\(entry.recordID)", TextEscaping.csvField(entry.title), TextEscaping.csvField(vote.assessor),
                        vote.label.rawValue,
                        TextEscaping.csvField(vote.reason ?? ""), TextEscaping.csvField(vote.note ?? ""),
                        dates.string(from: vote.at),
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The votes side by side, one block per record.
    public func text() -> String {
        guard !entries.isEmpty else { return "no conflicts\n" }
        return entries.map { entry in
            "#\(entry.recordID) \(entry.title)\n"
                + entry.votes.map { vote in
                    "    \(vote.assessor): \(vote.label.rawValue)"
                        + (vote.reason.map { " — \($0)" } ?? "") + (vote.note.map { " [note: \($0)]" } ?? "")
                }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }
}
