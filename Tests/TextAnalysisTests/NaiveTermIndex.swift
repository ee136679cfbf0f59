@testable import TextAnalysis

/// The sequential `TermIndex` construction of tarsier ≤ 0.x, kept verbatim as the reference the
/// fast `TermIndexBuilder` must reproduce exactly: `Analyzer.terms` per document, one
/// `[String: Int32]` for unigrams, one `[UInt64: Int32]` for bigrams, `SparseMatrix.appendRow`.
struct NaiveTermIndex {
    var vocabulary: Vocabulary
    var counts: SparseMatrix
    var documentLengths: [Int]

    init(documents: [String], analyzer: Analyzer = Analyzer(), includesBigrams: Bool = true) {
        var vocabulary = Vocabulary()
        let sequences = documents.map { document in
            analyzer.terms(document).map { vocabulary.unigramID(inserting: $0) }
        }
        var bigramRows: [[Int32]] = []
        if includesBigrams {
            bigramRows = sequences.map { sequence in
                guard sequence.count > 1 else { return [] }
                return (1..<sequence.count).map {
                    vocabulary.bigramOrdinal(inserting: Vocabulary.pack(sequence[$0 - 1], sequence[$0]))
                }
            }
        }
        vocabulary.finishBigrams()
        let offset = Int32(vocabulary.unigramCount)
        var counts = SparseMatrix(columnCount: vocabulary.count)
        var frequency = [Int32](repeating: 0, count: vocabulary.count)
        for (row, sequence) in sequences.enumerated() {
            var entries = sequence.map { ($0, Float(1)) }
            if includesBigrams { entries += bigramRows[row].map { ($0 + offset, Float(1)) } }
            counts.appendRow(entries)
            for k in counts.rowStarts[row]..<counts.rowStarts[row + 1] { frequency[Int(counts.columns[k])] += 1 }
        }
        vocabulary.documentFrequency = frequency
        self.vocabulary = vocabulary
        self.counts = counts
        self.documentLengths = sequences.map(\.count)
    }
}
