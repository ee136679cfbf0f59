import Testing
import ReviewModel
@testable import Ranking
@testable import TextAnalysis

@Suite("Active-learning cycle")
struct ActiveLearningCycleTests {
    let documents = [
        "rotator cuff tear surgery outcomes", "shoulder impingement physical test accuracy",
        "diabetes insulin dosing trial", "rotator cuff repair imaging", "insulin glucose control",
        "shoulder pain impingement sign", "glucose monitoring in diabetes", "cuff tear ultrasound",
    ]

    func cycle(topic: Topic?, querier: any Querier = MaxQuerier(), seed: UInt64 = 7, pseudoExcludes: Int? = nil) throws
        -> ActiveLearningCycle
    {
        var configuration = CycleConfiguration(ranker: .tfidfLR, minimumDocumentFrequency: 1, seed: seed)
        configuration.pseudoExcludes = pseudoExcludes
        let rankers = try RankerRegistry.makeRankers(configuration: configuration, documents: documents, topic: topic)
        return ActiveLearningCycle(poolSize: documents.count, rankers: rankers, querier: querier, seed: seed)
    }

    @Test("with neither topic nor decisions the order is a seeded random permutation")
    func randomColdStart() throws {
        var a = try cycle(topic: nil)
        var b = try cycle(topic: nil)
        let first = a.retrain()
        #expect(first.rankerID == "random")
        #expect(first.order == b.retrain().order)
        #expect(Set(first.order) == Set(0..<documents.count))
    }

    @Test("by default the learner ranks from the topic alone (pseudo-include, random pseudo-excludes)")
    func learnerFromTheTopic() throws {
        var loop = try cycle(topic: Topic(title: "Physical tests for shoulder impingement"))
        let start = loop.retrain()
        #expect(start.rankerID == "tfidf-lr" && start.trainingSetSize == 0)
        #expect(start.parameters["random_pseudo_excludes"] == "\(CycleConfiguration.pseudoExcludesDefault)")
        #expect(start.order.first == 1 || start.order.first == 5)
    }

    @Test("without pseudo-excludes a topic gives a BM25 start, then the learner takes over once both classes are known")
    func topicThenLearner() throws {
        var loop = try cycle(topic: Topic(title: "Physical tests for shoulder impingement"), pseudoExcludes: 0)
        let start = loop.retrain()
        #expect(start.rankerID == "bm25")
        #expect(start.order.first == 1 || start.order.first == 5)
        try loop.decide(1, relevant: true, pickedAt: .rank)
        try loop.decide(2, relevant: false, pickedAt: .rank)
        let learned = loop.retrain()
        #expect(learned.rankerID == "tfidf-lr")
        #expect(learned.version == 2 && learned.trainingSetSize == 2 && learned.trainingIncludes == 1)
        #expect(Set(learned.order) == Set(0..<documents.count).subtracting([1, 2]))
        #expect(learned.order.first == 5)
    }

    @Test("a stale snapshot never proposes a record decided since")
    func staleSnapshot() throws {
        var loop = try cycle(topic: nil)
        let snapshot = loop.retrain()
        let firstPick = loop.nextPick(from: snapshot)
        let first = try #require(firstPick)
        try loop.decide(first.record, relevant: false, pickedAt: first.pickedAt)
        let secondPick = loop.nextPick(from: snapshot)
        let second = try #require(secondPick)
        #expect(second.record != first.record)
    }

    @Test("the mixed strategy picks at random about the requested fraction of the time")
    func mixedStrategy() throws {
        let snapshot = RankingSnapshot(
            version: 1, rankerID: "x", parameters: [:], trainingSetSize: 0, trainingIncludes: 0,
            order: Array(0..<100), scores: [Double](repeating: 0, count: 100), duration: 0)
        var generator = SeededGenerator(seed: 3)
        let screened = [Bool](repeating: false, count: 100)
        let picks = (0..<2000).compactMap { _ in
            MixedQuerier(randomFraction: 0.2).pick(from: snapshot, screened: screened, generator: &generator)
        }
        let random = picks.filter { $0.pickedAt == .random }.count
        #expect((300...500).contains(random))
        #expect(picks.filter { $0.pickedAt == .rank }.allSatisfy { $0.record == 0 })
    }

    @Test("following a history adds new decisions one by one, and replaces the list when it changed")
    func follow() throws {
        var loop = try cycle(topic: Topic(title: "Physical tests for shoulder impingement"))
        let first = [
            Decision(record: 1, relevant: true, pickedAt: .rank), Decision(record: 2, relevant: false, pickedAt: .rank),
        ]
        try loop.follow(first)
        #expect(loop.decisions == first && loop.screened.filter { $0 }.count == 2)
        // One more decision is appended.
        let more = first + [Decision(record: 4, relevant: false, pickedAt: .rank)]
        try loop.follow(more)
        #expect(loop.decisions == more)
        // Record 2 undone and record 1 relabelled (its decision moves to the end): the list is replaced.
        let changed = [more[2], Decision(record: 1, relevant: false, pickedAt: .rank)]
        try loop.follow(changed)
        #expect(loop.decisions == changed)
        #expect(loop.screened == documents.indices.map { $0 == 1 || $0 == 4 })
        // A follower that saw every step ranks as a cycle that sees only the end state.
        var fresh = try cycle(topic: Topic(title: "Physical tests for shoulder impingement"))
        try fresh.follow(changed)
        #expect(loop.retrain().order == fresh.retrain().order)
        #expect(throws: RankingError.recordOutOfRange(99)) {
            try loop.follow([Decision(record: 99, relevant: true, pickedAt: .rank)])
        }
    }

    @Test("rejects a decision outside the pool")
    func outOfRange() throws {
        var loop = try cycle(topic: nil)
        #expect(throws: RankingError.recordOutOfRange(99)) { try loop.decide(99, relevant: true, pickedAt: .rank) }
    }

    @Test("every ranker id has a label and reads back from its stored id; unknown ids are not rankers")
    func registry() {
        #expect(RankerID.allCases.allSatisfy { !$0.label.isEmpty && RankerID(rawValue: $0.rawValue) == $0 })
        #expect(RankerID(rawValue: "nope") == nil)
        #expect(
            RankerID.list
                == "random, bm25, tfidf-lr, tfidf-nb, tfidf-svm, tfidf-lr-all-words, concat-lr, dense-topic, dense-lr, hybrid"
        )
    }
}
