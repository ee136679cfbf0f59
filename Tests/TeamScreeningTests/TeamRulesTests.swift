import Foundation
import ReviewModel
import Testing

@testable import TeamScreening

@Suite("Team rules")
struct TeamRulesTests {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    /// Builds a log: (record, assessor, kind, label, target).
    static func log(_ rows: [(Int64, String, VoteEvent.Kind, Label?, Int64?)]) -> [VoteEvent] {
        rows.enumerated().map { offset, row in
            VoteEvent(
                id: Int64(offset + 1), recordID: row.0, kind: row.2, label: row.3, assessor: row.1, target: row.4,
                at: t0.addingTimeInterval(Double(offset) * 60))
        }
    }

    @Test("a later decide replaces an assessor's vote; undo restores the previous one; redo re-applies it")
    func replay() {
        let events = Self.log([
            (1, "ann", .decide, .include, nil),  // 1
            (1, "ann", .decide, .exclude, nil),  // 2
            (1, "bob", .decide, .include, nil),  // 3
            (1, "ann", .undo, .include, 2),  // 4: ann's exclude withdrawn, her include stands
            (2, "ann", .decide, .maybe, nil),  // 5
            (2, "ann", .undo, nil, 5),  // 6: no vote left on record 2
            (2, "ann", .redo, .maybe, 5),  // 7
            (2, "ann", .undo, nil, 7),  // 8: the redo undone
        ])
        let book = VoteBook(events: events)
        #expect(book.votes[1]?["ann"]?.label == .include)
        #expect(book.votes[1]?["ann"]?.eventID == 1)
        #expect(book.votes[1]?["bob"]?.label == .include)
        #expect(book.votes[2] == nil)
        #expect(book.assessors == ["ann", "bob"])
    }

    @Test("dual: one vote waits, agreeing votes decide, disagreeing votes conflict until resolved")
    func dual() {
        let rules = TeamRules(settings: TeamSettings(mode: .dual))
        let events = Self.log([
            (1, "ann", .decide, .include, nil), (2, "ann", .decide, .include, nil), (2, "bob", .decide, .include, nil),
            (3, "ann", .decide, .exclude, nil), (3, "bob", .decide, .include, nil), (4, "ann", .decide, .maybe, nil),
            (4, "bob", .decide, .include, nil), (5, "ann", .decide, .exclude, nil), (5, "bob", .decide, .include, nil),
            (5, "lee", .resolve, .exclude, nil),
        ])
        let summary = TeamSummary(rules: rules, book: VoteBook(events: events))
        guard case .awaitingSecondVote(let vote) = summary.statuses[1] else { Issue.record("record 1"); return }
        #expect(vote.assessor == "ann")
        #expect(summary.statuses[2] == .decided(.include))
        #expect(summary.statuses[3]?.isConflict == true)
        #expect(summary.statuses[4] == .decided(.include))  // maybe counts as include by default
        #expect(summary.statuses[5]?.finalLabel == .exclude)
        #expect(summary.conflicts.map(\.recordID) == [3])
        #expect(summary.finalLabels == [2: .include, 4: .include, 5: .exclude])
        #expect(summary.screenedByTwo == 4)
        #expect(summary.conflictsResolved == 1)
        // The ranker: a conflict with an include vote is relevant; a single vote counts as it is.
        #expect(rules.learningLabel(summary.statuses[3]!) == .include)
        #expect(rules.learningLabel(summary.statuses[1]!) == .include)
        // Lee resolved but never voted: not an assessor of the vote book.
        #expect(summary.book.assessors == ["ann", "bob"])
    }

    @Test("maybe policy 'resolve' sends any maybe to the lead")
    func maybeResolves() {
        let rules = TeamRules(settings: TeamSettings(mode: .dual, maybe: .resolve))
        let events = Self.log([
            (1, "ann", .decide, .maybe, nil), (1, "bob", .decide, .include, nil),
            (2, "ann", .decide, .maybe, nil), (2, "bob", .decide, .maybe, nil),
        ])
        let summary = TeamSummary(rules: rules, book: VoteBook(events: events))
        #expect(summary.statuses[1]?.isConflict == true)
        #expect(summary.statuses[2]?.isConflict == true)
    }

    @Test("single: the latest vote decides, whoever cast it")
    func single() {
        let rules = TeamRules(settings: .single)
        let events = Self.log([(1, "ann", .decide, .include, nil), (1, "bob", .decide, .exclude, nil)])
        let summary = TeamSummary(rules: rules, book: VoteBook(events: events))
        #expect(summary.statuses[1] == .decided(.exclude))
        #expect(summary.conflicts.isEmpty)
    }

    @Test("verified single: about the set share of records needs a second vote, the same for every process")
    func verificationSample() {
        let rules = TeamRules(settings: TeamSettings(mode: .verified, verificationFraction: 0.2), seed: 3)
        let sampled = (1...10_000).filter { rules.isInVerificationSample(Int64($0)) }
        #expect(abs(Double(sampled.count) / 10_000 - 0.2) < 0.02)
        #expect(
            sampled
                == (1...10_000).filter {
                    TeamRules(settings: rules.settings, seed: 3).isInVerificationSample(Int64($0))
                })
        let outside = Int64((1...10_000).first { !rules.isInVerificationSample(Int64($0)) }!)
        let inside = Int64(sampled[0])
        let events = Self.log([(outside, "ann", .decide, .include, nil), (inside, "ann", .decide, .exclude, nil)])
        let summary = TeamSummary(rules: rules, book: VoteBook(events: events))
        #expect(summary.statuses[outside] == .decided(.include))
        if case .awaitingSecondVote = summary.statuses[inside] {
        } else {
            Issue.record("sampled record needs a second vote")
        }
    }

    @Test("pairwise agreement counts the records both decided; calibration takes the first N")
    func pairs() throws {
        let rules = TeamRules(settings: TeamSettings(mode: .dual))
        var rows: [(Int64, String, VoteEvent.Kind, Label?, Int64?)] = []
        // 20 include/include, 5 include/exclude, 10 exclude/include, 15 exclude/exclude (κ = 0.4).
        let pattern: [(Label, Label, Int)] = [
            (.include, .include, 20), (.include, .exclude, 5),
            (.exclude, .include, 10), (.exclude, .exclude, 15),
        ]
        var record: Int64 = 0
        for (a, b, n) in pattern {
            for _ in 0..<n {
                record += 1
                rows.append((record, "ann", .decide, a, nil))
                rows.append((record, "bob", .decide, b, nil))
            }
        }
        rows.append((999, "cy", .decide, .include, nil))
        let summary = TeamSummary(rules: rules, book: VoteBook(events: Self.log(rows)))
        let pairs = summary.agreement()
        #expect(pairs.count == 1)  // cy shares no record with anyone
        let pair = try #require(pairs.first)
        #expect(pair.first == "ann" && pair.second == "bob")
        #expect(pair.table.counts == [[20, 5], [10, 15]])
        #expect(abs((pair.statistics.kappa ?? 0) - 0.4) < 1e-12)
        let calibration = try #require(summary.agreement(calibration: 20).first)
        #expect(calibration.table.counts == [[20, 0], [0, 0]])
        #expect(calibration.statistics.kappa == nil)
    }

    @Test("progress: standing votes per assessor and their pace")
    func progress() throws {
        let rules = TeamRules(settings: TeamSettings(mode: .dual))
        let events = Self.log([
            (1, "ann", .decide, .include, nil), (2, "ann", .decide, .exclude, nil),
            (3, "ann", .decide, .maybe, nil), (1, "bob", .decide, .exclude, nil),
        ])
        let summary = TeamSummary(rules: rules, book: VoteBook(events: events))
        let now = Self.t0.addingTimeInterval(3 * 60 + 30 * 60)
        let progress = summary.progress(events: events, now: now)
        let ann = try #require(progress.first { $0.assessor == "ann" })
        #expect(ann.decided == 3 && ann.included == 1 && ann.excluded == 1 && ann.maybe == 1)
        #expect(ann.lastHourRate == 3)
        // Three decisions over two minutes: too short a span for an overall pace.
        #expect(ann.overallRate == nil)
        let bob = try #require(progress.first { $0.assessor == "bob" })
        #expect(bob.decided == 1 && bob.overallRate == nil)
        // Twelve decisions a minute apart: 11 minutes, 12 / (11/60) per hour.
        let steady = Self.log((1...12).map { (Int64($0), "cy", .decide, .include, nil) })
        let cy = try #require(
            TeamSummary(rules: rules, book: VoteBook(events: steady)).progress(events: steady, now: now).first)
        #expect(abs((cy.overallRate ?? 0) - 12 / (660.0 / 3_600)) < 1e-9)
    }
}

@Suite("Blind screening")
struct BlindTests {
    @Test("an assessor sees only their own vote until a record is final; leads and unblinded reviews see all")
    func visibility() {
        let events = TeamRulesTests.log([
            (1, "ann", .decide, .include, nil), (1, "bob", .decide, .exclude, nil),  // conflict
            (2, "ann", .decide, .include, nil), (2, "bob", .decide, .include, nil),  // agreed
            (3, "bob", .decide, .exclude, nil),  // one vote
        ])
        let blind = TeamSummary(rules: TeamRules(settings: TeamSettings(mode: .dual)), book: VoteBook(events: events))
        #expect(!blind.revealsVotes(on: 1, to: "ann"))
        #expect(blind.revealsVotes(on: 2, to: "ann"))
        #expect(blind.revealsVotes(on: 1, to: nil))
        #expect(blind.label(of: 1, for: "ann") == .include && blind.label(of: 1, for: "bob") == .exclude)
        #expect(blind.label(of: 1, for: nil) == nil)
        #expect(blind.label(of: 3, for: "ann") == nil && blind.label(of: 3, for: "bob") == .exclude)
        #expect(blind.label(of: 2, for: "cy") == .include)
        #expect(events.filter { blind.shows($0, to: "ann") }.map(\.id) == [1, 3, 4])
        #expect(events.filter { blind.shows($0, to: nil) }.count == events.count)
        let open = TeamSummary(
            rules: TeamRules(settings: TeamSettings(mode: .dual, blind: false)), book: VoteBook(events: events))
        #expect(events.allSatisfy { open.shows($0, to: "ann") })
    }
}

@Suite("An assessor's view in dual screening")
struct AssessorViewTests {
    @Test("own votes and final labels only; records another assessor half-screened wait for this one")
    func view() {
        let events = TeamRulesTests.log([
            (1, "ann", .decide, .include, nil), (1, "bob", .decide, .exclude, nil),  // 1, 2: conflict
            (2, "bob", .decide, .include, nil),  // 3: waits for ann
            (3, "ann", .decide, .exclude, nil), (3, "bob", .decide, .exclude, nil),  // 4, 5: final
            (4, "ann", .decide, .maybe, nil),  // 6: waits for bob
        ])
        let summary = TeamSummary(rules: TeamRules(settings: TeamSettings(mode: .dual)), book: VoteBook(events: events))
        let ann = AssessorView(summary: summary, assessor: "ann")
        #expect(ann.labels == [1: .include, 3: .exclude, 4: .maybe])
        #expect(ann.order == [1, 3, 4])
        #expect(ann.awaitingMyVote == [2])
        let bob = AssessorView(summary: summary, assessor: "bob")
        #expect(bob.labels == [1: .exclude, 2: .include, 3: .exclude])
        #expect(bob.awaitingMyVote == [4])
    }

    @Test("the records awaiting this assessor's vote come first, oldest first; then the ranking")
    func queue() {
        let events = TeamRulesTests.log([
            (9, "bob", .decide, .exclude, nil), (5, "cy", .decide, .include, nil), (7, "ann", .decide, .include, nil),
        ])
        let summary = TeamSummary(rules: TeamRules(settings: TeamSettings(mode: .dual)), book: VoteBook(events: events))
        let ann = AssessorView(summary: summary, assessor: "ann")
        #expect(ann.awaitingOrder == [9, 5])
        // The ranking put 9 and 5 low (the ranker learnt from their first vote).
        #expect(ann.queue([1, 2, 3, 5, 4, 9]) == [9, 5, 1, 2, 3, 4])
        // Once ann has voted on 9 it is no longer open to her, and leaves her queue.
        #expect(ann.queue([1, 2, 3, 5, 4]) == [5, 1, 2, 3, 4])
        #expect(AssessorView(summary: summary, assessor: "bob").queue([7, 1, 5, 2]) == [5, 7, 1, 2])
        let single = TeamSummary(rules: TeamRules(settings: .single), book: VoteBook(events: events))
        #expect(AssessorView(summary: single, assessor: "ann").queue([1, 2]) == [1, 2])
    }
}
