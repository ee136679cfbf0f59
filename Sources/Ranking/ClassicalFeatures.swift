import Foundation
import ReviewModel
import TextAnalysis

/// What the classical rankers need from the pool's text, computed once: the TF-IDF matrix, the
/// topic's TF-IDF row (the learners' pseudo-include) and BM25's scores for the topic. Building it
/// reads and analyses every title and abstract (seconds for 100,000 records); a review keeps it
/// (`encoded()`, under `cacheKey`) so a screen reopened on the same records and topic starts
/// from it. Values only.
public struct ClassicalFeatures: Sendable {
    /// Bumped whenever the analyzer, the vectorizer or this encoding changes, so that features a
    /// review kept from an older tarsier are built again instead of used.
    public static let formatVersion = 1

    /// TF-IDF rows, one per record of the pool.
    public var matrix: SparseMatrix
    /// The topic's TF-IDF row, when there is a topic.
    public var topicRow: [(Int32, Float)]?
    /// BM25 scores of the pool for the topic, with BM25's parameters, when there is a topic.
    public var bm25: (scores: [Double], parameters: [String: String])?

    /// Number of records.
    public var poolSize: Int { matrix.rowCount }

    /// Analyses `documents` (title + abstract each) under `configuration`'s feature settings.
    /// - Throws: `RankingError.invalidParameter` when the vectorizer's settings are impossible.
    public static func build(configuration: CycleConfiguration, documents: [String], topic: Topic?) throws
        -> ClassicalFeatures
    {
        let removesStopWords = configuration.removesStopWords ?? CycleConfiguration.removesStopWordsDefault
        let index = TermIndex(
            documents: documents, analyzer: removesStopWords ? Analyzer() : Analyzer(stopWords: []),
            includesBigrams: configuration.includesBigrams)
        var bm25: (scores: [Double], parameters: [String: String])?
        if let topic, !topic.isEmpty {
            let bm25Index = BM25Index(index: index)
            let query = TopicQuery.weightedQuery(for: topic)
            bm25 = (
                bm25Index.scores(bm25Index.resolve(query)),
                ["k1": "\(bm25Index.k1)", "b": "\(bm25Index.b)", "query_terms": "\(query.terms.count)"]
            )
        }
        let tfidf: TFIDFVectorizer
        do {
            tfidf = try TFIDFVectorizer(
                index: index, minimumDocumentFrequency: configuration.minimumDocumentFrequency,
                maximumDocumentFraction: configuration.maximumDocumentFraction)
        } catch {
            throw RankingError.invalidParameter("tfidf", "\(error.localizedDescription)")
        }
        let topicRow = topic.map { tfidf.vector(of: TopicQuery.text(for: $0), in: index) }
        return ClassicalFeatures(matrix: tfidf.matrix, topicRow: topicRow, bm25: bm25)
    }

    /// The key features are kept under: a digest of the format version, the feature settings, the
    /// topic and the pool's record ids (records' text never changes once imported).
    public static func cacheKey(configuration: CycleConfiguration, topic: Topic?, poolIDs: [Int64]) -> String {
        var digest = SHA256()
        let settings =
            [
                "tarsier-classical-features v\(formatVersion)", "bigrams \(configuration.includesBigrams)",
                "min-df \(configuration.minimumDocumentFrequency)", "max-df \(configuration.maximumDocumentFraction)",
                "topic \(topic?.title ?? "")\u{1F}\(topic?.objective ?? "")\u{1F}\(topic?.query ?? "")",
            ]
            .joined(separator: "\n")
            + ((configuration.removesStopWords ?? CycleConfiguration.removesStopWordsDefault)
                ? "" : "\nstop words kept")
        digest.update(Data(settings.utf8))
        var ids = Data(capacity: poolIDs.count * 8)
        for id in poolIDs { withUnsafeBytes(of: id.littleEndian) { ids.append(contentsOf: $0) } }
        digest.update(ids)
        return digest.finalize()
    }

    /// The features as bytes (`init(encoded:)` reads them back).
    public func encoded() -> Data {
        var writer = BinaryWriter()
        writer.append("tarsier-classical-features")
        writer.append(Self.formatVersion)
        matrix.write(to: &writer)
        writer.append(topicRow == nil ? 0 : 1)
        if let topicRow {
            writer.append(topicRow.map(\.0))
            writer.append(topicRow.map(\.1))
        }
        writer.append(bm25 == nil ? 0 : 1)
        if let bm25 {
            writer.append(bm25.scores)
            let keys = bm25.parameters.keys.sorted()
            writer.append(keys.count)
            for key in keys {
                writer.append(key)
                writer.append(bm25.parameters[key] ?? "")
            }
        }
        return writer.data
    }

    /// Features read back from `encoded()`.
    /// - Throws: `BinaryReader.Damaged` for bytes that are not features of this format version
    ///   (or are damaged, or describe a pool of another size than `poolSize` when given).
    public init(encoded data: Data, poolSize: Int? = nil) throws {
        var reader = BinaryReader(data)
        guard try reader.string() == "tarsier-classical-features", try reader.int() == Self.formatVersion else {
            throw BinaryReader.Damaged()
        }
        matrix = try SparseMatrix(reading: &reader)
        if let poolSize, matrix.rowCount != poolSize { throw BinaryReader.Damaged() }
        if try reader.int() == 1 {
            let columns = try reader.int32s()
            let values = try reader.floats()
            guard columns.count == values.count, columns.allSatisfy({ $0 >= 0 && Int($0) < matrix.columnCount })
            else { throw BinaryReader.Damaged() }
            topicRow = Array(zip(columns, values))
        }
        if try reader.int() == 1 {
            let scores = try reader.doubles()
            guard scores.count == matrix.rowCount else { throw BinaryReader.Damaged() }
            var parameters: [String: String] = [:]
            for _ in 0..<(try reader.int()) { parameters[try reader.string()] = try reader.string() }
            bm25 = (scores, parameters)
        }
        guard reader.isAtEnd else { throw BinaryReader.Damaged() }
    }

    init(matrix: SparseMatrix, topicRow: [(Int32, Float)]?, bm25: (scores: [Double], parameters: [String: String])?) {
        self.matrix = matrix
        self.topicRow = topicRow
        self.bm25 = bm25
    }
}
