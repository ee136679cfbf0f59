import Foundation
import TestSupport
import Testing
@testable import TextAnalysis

/// The fast `TermIndex` construction (`TokenScanner` + `TermIndexBuilder`) must give exactly the
/// tokens, term ids, counts and TF-IDF matrix of the straightforward reference (`Analyzer.tokens`
/// and `NaiveTermIndex`), on real abstracts and on hand-made non-ASCII text.
@Suite("Fast term index equals the reference")
struct TermIndexEquivalenceTests {
    static let datasets = [
        "cohen-ADHD", "kitchenham-2010", "nagtegaal-2019", "bannach-brown-2019", "clef17-CD010632", "clef17-CD009944",
    ]

    /// Accents, Greek, CJK, Hangul, "≥", dashes, ligatures, full-width forms, combining marks,
    /// apostrophes, possessives, mojibake and edge cases of the token rules.
    static let handMade = [
        "Sjögren’s syndrome in MÜNCHEN, Straße and STRASSE; ﬁbrosis ≥ 2.5 mg – or — 5‐HT3 and IL‑6",
        "β-blockers, α2-agonists, TNF-α, γδ T cells, μg/kg, Ω and K (Kelvin), Å (angstrom)",
        "中文摘要 日本語のテキスト 한국어 초록 ＡＢＣ１２３ ｆｕｌｌ-ｗｉｄｔｈ",
        "e\u{301}tude cafe\u{301} nai\u{308}ve İstanbul DŽungla ǅ ǆ ﬀ ﬃ ² ³ ¹⁸F-FDG x²",
        "Alzheimer's disease's O'Brien o’neill rock'n'roll 'quoted' it's 's s' a'b",
        "-lead trail- --x-- 2.5.3 .5 5. a.b 1-2-3 x--y under_score e-mail e.g. i.e. U.S.",
        "â€™ Ã© Â± â‰¥ Ãœ Ý ¡ © ® € £ · ª œ ¤ ‰ × ¨ ¯",
        "\u{0628}\u{064E}\u{0631} עִבְרִית हिन्दी ไทย 🙂 emoji👍🏽 a\u{200B}b a\u{00AD}b",
        "", "   ", "a", "ab", "x y z", "COVID-19 and IL-6 levels in 5-HT3 receptors after 2.5 mg",
    ]

    /// The repository's real abstracts, and with `TARSIER_DATASET_TESTS=1` the six benchmark sets too.
    static func realDocuments() -> [String] {
        BenchmarkCorpus.repositoryTexts()
            + (TestData.datasetTestsEnabled ? datasets.flatMap { BenchmarkCorpus.texts($0) } : [])
    }

    func scannerTokens(_ text: String, analyzer: Analyzer = Analyzer()) -> [String] {
        var scanner = TokenScanner(analyzer: analyzer)
        var tokens: [String] = []
        scanner.scan(text) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        return tokens
    }

    @Test("the repository's real abstracts are readable and contain non-ASCII text")
    func corpusAvailable() {
        let documents = BenchmarkCorpus.repositoryTexts()
        #expect(documents.count == 1_704 + 1_310)
        #expect(documents.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }.count >= 25)
    }

    @Test(
        "the six benchmark CSVs are readable and contain non-ASCII text",
        .enabled(if: TestData.datasetTestsEnabled, Comment(rawValue: TestData.datasetSkipReason)))
    func datasetCorpusAvailable() throws {
        try TestData.requireDatasets()
        let documents = Self.datasets.flatMap { BenchmarkCorpus.texts($0) }
        #expect(documents.count > 5_000)
        #expect(documents.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }.count > 100)
    }

    @Test("tokens of every real abstract and of hand-made non-ASCII text equal Analyzer.tokens")
    func tokensMatch() {
        let analyzer = Analyzer()
        for text in Self.realDocuments() + Self.handMade {
            let expected = analyzer.tokens(text)
            let actual = scannerTokens(text)
            #expect(actual == expected, "\(text.prefix(80))")
            if actual != expected { return }
        }
    }

    @Test("tokens of random mixtures of ASCII and non-ASCII scalars equal Analyzer.tokens")
    func tokensMatchOnRandomText() {
        let alphabet = Array("aZ09 -.'’s‐‑é\u{301}\u{308}ßẞİΣσςΩﬁ①½²≥–—αβ中한\u{0E31}\u{093F}Ǆ\u{1E9E}Å\u{212B}K🙂.,;-")
        var generator = SystemRandomNumberGeneratorSeeded(seed: 42)
        let analyzer = Analyzer()
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 24)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            #expect(
                scannerTokens(text) == analyzer.tokens(text),
                "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func expectEqual(_ fast: TermIndex, _ naive: NaiveTermIndex) {
        #expect(fast.vocabulary.unigrams == naive.vocabulary.unigrams)
        #expect(fast.vocabulary.unigramIDs == naive.vocabulary.unigramIDs)
        #expect(fast.vocabulary.bigramPairs == naive.vocabulary.bigramPairs)
        #expect(fast.vocabulary.bigramIDs == naive.vocabulary.bigramIDs)
        #expect(fast.vocabulary.documentFrequency == naive.vocabulary.documentFrequency)
        #expect(fast.vocabulary.sortedUnigrams.map(\.id) == naive.vocabulary.sortedUnigrams.map(\.id))
        #expect(fast.counts == naive.counts)
        #expect(fast.documentLengths == naive.documentLengths)
    }

    @Test("term ids, counts and lengths equal the reference for any chunking", arguments: [1, 2, 3, 7])
    func indexMatches(chunkCount: Int) {
        let documents = BenchmarkCorpus.repositoryTexts() + Self.handMade
        let naive = NaiveTermIndex(documents: documents)
        let built = TermIndexBuilder(analyzer: Analyzer(), includesBigrams: true).build(
            documents, chunkCount: chunkCount)
        let fast = TermIndex(
            analyzer: Analyzer(), includesBigrams: true, vocabulary: built.vocabulary, counts: built.counts,
            documentLengths: built.documentLengths)
        expectEqual(fast, naive)
    }

    @Test("unigram-only indexes and custom stop words equal the reference")
    func unigramsAndCustomStopWords() {
        let documents = BenchmarkCorpus.csvTexts(TestData.fixture("benchmark/kitchenham-2010.csv")) + Self.handMade
        let analyzer = Analyzer(stopWords: ["patients", "ω", "étude", "etude", "k", "中文摘要"])
        expectEqual(
            TermIndex(documents: documents, analyzer: analyzer, includesBigrams: false),
            NaiveTermIndex(documents: documents, analyzer: analyzer, includesBigrams: false))
        expectEqual(
            TermIndex(documents: documents, analyzer: analyzer),
            NaiveTermIndex(documents: documents, analyzer: analyzer))
    }

    @Test("the TF-IDF matrix of the fast index equals the reference's bit for bit")
    func tfidfMatches() throws {
        let documents = Self.realDocuments() + Self.handMade
        let naive = NaiveTermIndex(documents: documents)
        let reference = TermIndex(
            analyzer: Analyzer(), includesBigrams: true, vocabulary: naive.vocabulary, counts: naive.counts,
            documentLengths: naive.documentLengths)
        let expected = try TFIDFVectorizer(index: reference)
        let actual = try TFIDFVectorizer(index: TermIndex(documents: documents))
        #expect(actual.termIDs == expected.termIDs)
        #expect(actual.idf == expected.idf)
        #expect(actual.matrix == expected.matrix)
        #expect(actual.matrix.nonzeroCount > 100_000)
    }

    @Test("an empty corpus and empty documents give empty rows")
    func emptyDocuments() {
        let index = TermIndex(documents: ["", "the of", "alpha beta"])
        #expect(index.documentCount == 3)
        #expect(index.documentLengths == [0, 0, 2])
        #expect(TermIndex(documents: []).documentCount == 0)
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014), a tiny seeded generator for reproducible fuzz input.
struct SystemRandomNumberGeneratorSeeded: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
