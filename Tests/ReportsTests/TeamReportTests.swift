import Foundation
import ReviewModel
import TeamScreening
import Testing

@testable import Reports

@Suite("Team reports")
struct TeamReportTests {
    /// ann and bob on 50 records as in Wikipedia's worked example (κ = 0.4); record 51 is cy and
    /// dee's conflict, with a reason and a note.
    static func summary() -> TeamSummary {
        var events: [VoteEvent] = []
        var id: Int64 = 0
        func vote(_ record: Int64, _ who: String, _ label: Label, reason: String? = nil, note: String? = nil) {
            id += 1
            events.append(
                VoteEvent(
                    id: id, recordID: record, kind: .decide, label: label, assessor: who, reason: reason,
                    note: note, at: Date(timeIntervalSince1970: 1_700_000_000 + Double(id))))
        }
        var record: Int64 = 0
        for (a, b, n) in [
            (Label.include, Label.include, 20), (.include, .exclude, 5), (.exclude, .include, 10),
            (.exclude, .exclude, 15),
        ] {
            for _ in 0..<n {
                record += 1
                vote(record, "ann", a)
                vote(record, "bob", b)
            }
        }
        vote(51, "cy", .include, note: "check the full text")
        vote(51, "dee", .exclude, reason: "wrong population, \"adults\"")
        return TeamSummary(
            rules: TeamRules(settings: TeamSettings(mode: .dual, calibrationSize: 10)), book: VoteBook(events: events))
    }

    @Test("agreement CSV: one row per pair and scope with κ, its CI, PABAK, AC1 and the table")
    func agreementCSV() {
        let csv = AgreementReport(summary: Self.summary()).csv().split(separator: "\n")
        #expect(csv.count == 5)  // header; all: ann×bob, cy×dee; calibration: the same pairs
        #expect(csv[2].hasPrefix("all,cy,dee,1,0.0000,0.0000,0.0000,0.0000,0.0000,-1.0000,-1.0000,"))
        #expect(
            csv[1] == "all,ann,bob,50,0.7000,0.4000,0.1270,0.1511,0.6489,0.4000,0.4059,"
                + "include/include=20 include/exclude=5 exclude/include=10 exclude/exclude=15")
        // The calibration round: the first 10 shared records, all include/include, so κ is undefined.
        #expect(
            csv[3] == "calibration,ann,bob,10,1.0000,,,,,1.0000,1.0000,"
                + "include/include=10 include/exclude=0 exclude/include=0 exclude/exclude=0")
        #expect(AgreementReport(summary: Self.summary()).text().contains("κ 0.40 (95% CI 0.15 to 0.65)"))
    }

    @Test("conflicts CSV: one row per vote with reason and note, fields quoted as RFC 4180 asks")
    func conflictsCSV() throws {
        let summary = Self.summary()
        let report = ConflictReport(summary: summary) { "Title \($0), with a comma" }
        #expect(report.entries.count == 16)
        let lines = report.csv().split(separator: "\n")
        #expect(lines[0] == "record_id,title,assessor,label,reason,note,decided_at")
        #expect(lines.count == 1 + 32)
        #expect(lines[31].hasPrefix("51,\"Title 51, with a comma\",cy,include,,check the full text,"))
        #expect(lines[32].hasPrefix("51,\"Title 51, with a comma\",dee,exclude,\"wrong population, \"\"adults\"\"\",,"))
        #expect(report.text().contains("dee: exclude — wrong population"))
        #expect(lines[1].hasPrefix("21,\"Title 21, with a comma\",ann,include,,,"))
        #expect(try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) is [String: Any])
    }
}
