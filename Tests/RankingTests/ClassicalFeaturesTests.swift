import Foundation
import ReviewModel
import TestSupport
import Testing

@testable import Ranking
@testable import TextAnalysis

/// The classical features a review keeps (`ClassicalFeatures.encoded()`) read back exactly, and
/// damaged bytes are an error, never a crash or a wrong matrix.
@Suite("Classical features kept in a review")
struct ClassicalFeaturesTests {
    static let documents = [
        "Exercise for depression in adults: a randomised trial", "Cognitive therapy for depression",
        "Statins and cardiovascular events", "Exercise training after myocardial infarction",
        "A trial of exercise and statins in older adults", "Depression screening in primary care",
    ]
    static let topic = Topic(title: "Exercise for depression", query: "exercise AND depression")

    static func features(topic: Topic? = topic) throws -> ClassicalFeatures {
        try ClassicalFeatures.build(
            configuration: CycleConfiguration(ranker: .hybrid, minimumDocumentFrequency: 1, seed: 1),
            documents: documents, topic: topic)
    }

    @Test("encoded features read back bit for bit, and rank exactly as features built anew")
    func roundTrip() throws {
        let built = try Self.features()
        let read = try ClassicalFeatures(encoded: built.encoded(), poolSize: Self.documents.count)
        #expect(read.matrix == built.matrix)
        #expect(read.topicRow.map { $0.map(\.0) } == built.topicRow.map { $0.map(\.0) })
        #expect(read.topicRow.map { $0.map(\.1) } == built.topicRow.map { $0.map(\.1) })
        #expect(read.bm25?.scores == built.bm25?.scores)
        #expect(read.bm25?.parameters == built.bm25?.parameters)
        #expect(built.matrix.nonzeroCount > 10 && built.bm25 != nil && built.topicRow != nil)
        let configuration = CycleConfiguration(ranker: .hybrid, minimumDocumentFrequency: 1, seed: 1)
        func order(_ features: ClassicalFeatures) throws -> [Int] {
            var cycle = ActiveLearningCycle(
                poolSize: Self.documents.count,
                rankers: try RankerRegistry.makeRankers(
                    configuration: configuration, documents: [], topic: Self.topic, features: features),
                seed: 1)
            var picks: [Int] = []
            for _ in 0..<Self.documents.count {
                cycle.retrain()
                guard let pick = cycle.nextPick() else { break }
                picks.append(pick.record)
                try cycle.decide(pick.record, relevant: pick.record % 3 == 0, pickedAt: pick.pickedAt)
            }
            return picks
        }
        #expect(try order(read) == order(built))
        // Without a topic: neither a topic row nor BM25.
        let plain = try ClassicalFeatures(encoded: Self.features(topic: nil).encoded())
        #expect(plain.topicRow == nil && plain.bm25 == nil)
    }

    @Test("every truncation, a wrong pool size and random damage are errors, not crashes")
    func damaged() throws {
        let bytes = try Self.features().encoded()
        for length in 0..<bytes.count {
            #expect(throws: BinaryReader.Damaged.self) { try ClassicalFeatures(encoded: bytes.prefix(length)) }
        }
        #expect(throws: BinaryReader.Damaged.self) { try ClassicalFeatures(encoded: bytes, poolSize: 5) }
        var random = SplitMix64(seed: 3)
        for _ in 0..<300 {
            var damaged = [UInt8](bytes)
            for _ in 0..<(1 + Int(random.next() % 4)) {
                damaged[Int(random.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            // Either read (a flipped value byte) or refused; a read matrix is always consistent.
            if let read = try? ClassicalFeatures(encoded: Data(damaged)) {
                #expect(read.matrix.rowStarts.last == read.matrix.nonzeroCount)
            }
        }
    }

    @Test("the key changes with the records, the topic and the feature settings, and only with them")
    func keys() {
        let configuration = CycleConfiguration(ranker: .hybrid, seed: 1)
        let key = ClassicalFeatures.cacheKey(configuration: configuration, topic: Self.topic, poolIDs: [1, 2, 3])
        #expect(key == ClassicalFeatures.cacheKey(configuration: configuration, topic: Self.topic, poolIDs: [1, 2, 3]))
        var otherSeed = configuration
        otherSeed.seed = 9
        otherSeed.ranker = .tfidfLR
        #expect(key == ClassicalFeatures.cacheKey(configuration: otherSeed, topic: Self.topic, poolIDs: [1, 2, 3]))
        #expect(key != ClassicalFeatures.cacheKey(configuration: configuration, topic: Self.topic, poolIDs: [1, 2, 4]))
        #expect(key != ClassicalFeatures.cacheKey(configuration: configuration, topic: nil, poolIDs: [1, 2, 3]))
        var noBigrams = configuration
        noBigrams.includesBigrams = false
        #expect(key != ClassicalFeatures.cacheKey(configuration: noBigrams, topic: Self.topic, poolIDs: [1, 2, 3]))
    }
}
