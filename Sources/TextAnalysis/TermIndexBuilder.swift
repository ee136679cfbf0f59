import Dispatch
import Foundation

/// Builds the parts of a `TermIndex` quickly and deterministically.
///
/// The documents are split into consecutive chunks that are analysed in parallel
/// (`DispatchQueue.concurrentPerform`). Each chunk interns its tokens into a `ByteTermTable`
/// (local ids in order of first occurrence) and its bigrams, as pairs of local ids, into a
/// `PairTable`. The chunks are then merged in document order through a `[String: Int32]`, so
/// global ids are assigned in order of first occurrence over the whole corpus, exactly as a
/// sequential pass with one dictionary assigns them; the result does not depend on the number
/// of chunks. Rows are finally built per chunk, in parallel, from the local → global maps.
struct TermIndexBuilder {
    /// The finished parts.
    struct Result {
        var vocabulary: Vocabulary
        var counts: SparseMatrix
        var documentLengths: [Int]
    }

    /// The analysis of one chunk of documents.
    private struct ChunkScan {
        var terms = ByteTermTable()
        /// Whether each local term is a stop word (stop words are interned but never emitted).
        var isStop: [Bool] = []
        /// Local term ids of every document of the chunk, concatenated.
        var ids: [Int32] = []
        /// Document `d` of the chunk owns `ids[documentStarts[d] ..< documentStarts[d + 1]]`.
        var documentStarts: [Int] = [0]
        var bigrams = PairTable()
        /// Local bigram ordinal of each adjacent pair, concatenated (one fewer per document).
        var bigramOrdinals: [Int32] = []
    }

    /// Chunk rows in CSR form with global columns.
    private struct ChunkRows {
        var rowLengths: [Int] = []
        var columns: [Int32] = []
        var values: [Float] = []
    }

    let analyzer: Analyzer
    let includesBigrams: Bool

    /// Analyses `documents` in `chunkCount` chunks (default: about one per core).
    func build(_ documents: [String], chunkCount: Int? = nil) -> Result {
        let chunks = Self.chunkRanges(documentCount: documents.count, chunkCount: chunkCount)
        let scans = Self.parallelMap(chunks) { scan(documents[$0]) }
        var vocabulary = Vocabulary()
        var unigramMaps: [[Int32]] = []
        for chunk in scans {
            var map = [Int32](repeating: -1, count: chunk.terms.count)
            for local in 0..<chunk.terms.count where !chunk.isStop[local] {
                map[local] = vocabulary.unigramID(inserting: chunk.terms.string(Int32(local)))
            }
            unigramMaps.append(map)
        }
        let offset = Int32(vocabulary.unigramCount)
        var bigramMaps: [[Int32]] = []
        for (chunk, map) in zip(scans, unigramMaps) {
            bigramMaps.append(
                chunk.bigrams.keys.map { key in
                    let pair = Vocabulary.pack(map[Int(key >> 32)], map[Int(key & 0xFFFF_FFFF)])
                    return vocabulary.bigramOrdinal(inserting: pair) + offset
                })
        }
        vocabulary.finishBigrams()
        let (finalUnigramMaps, finalBigramMaps, includesBigrams) = (unigramMaps, bigramMaps, includesBigrams)
        let rows = Self.parallelMap(Array(scans.indices)) {
            Self.rows(
                of: scans[$0], unigramMap: finalUnigramMaps[$0], bigramMap: finalBigramMaps[$0],
                includesBigrams: includesBigrams)
        }
        let nonzeros = rows.reduce(0) { $0 + $1.columns.count }
        var rowStarts = [0]
        rowStarts.reserveCapacity(documents.count + 1)
        var columns: [Int32] = []
        var values: [Float] = []
        columns.reserveCapacity(nonzeros)
        values.reserveCapacity(nonzeros)
        for chunk in rows {
            for length in chunk.rowLengths { rowStarts.append(rowStarts[rowStarts.count - 1] + length) }
            columns.append(contentsOf: chunk.columns)
            values.append(contentsOf: chunk.values)
        }
        var frequency = [Int32](repeating: 0, count: vocabulary.count)
        for column in columns { frequency[Int(column)] += 1 }
        vocabulary.documentFrequency = frequency
        let counts = SparseMatrix(columnCount: vocabulary.count, rowStarts: rowStarts, columns: columns, values: values)
        let lengths = scans.flatMap { scan in
            (0..<scan.documentStarts.count - 1).map { scan.documentStarts[$0 + 1] - scan.documentStarts[$0] }
        }
        return Result(vocabulary: vocabulary, counts: counts, documentLengths: lengths)
    }

    // MARK: - Chunks

    private func scan(_ documents: ArraySlice<String>) -> ChunkScan {
        var result = ChunkScan()
        var scanner = TokenScanner(analyzer: analyzer)
        let stopWords = analyzer.stopWords
        for document in documents {
            let start = result.ids.count
            scanner.scan(document) { bytes in
                let (id, inserted) = result.terms.id(inserting: bytes)
                if inserted { result.isStop.append(stopWords.contains(String(decoding: bytes, as: UTF8.self))) }
                if !result.isStop[Int(id)] { result.ids.append(id) }
            }
            if includesBigrams && result.ids.count - start > 1 {
                for k in (start + 1)..<result.ids.count {
                    let pair = Vocabulary.pack(result.ids[k - 1], result.ids[k])
                    result.bigramOrdinals.append(result.bigrams.ordinal(inserting: pair))
                }
            }
            result.documentStarts.append(result.ids.count)
        }
        return result
    }

    private static func rows(of chunk: ChunkScan, unigramMap: [Int32], bigramMap: [Int32], includesBigrams: Bool)
        -> ChunkRows
    {
        var result = ChunkRows()
        result.columns.reserveCapacity(chunk.ids.count + chunk.bigramOrdinals.count)
        result.values.reserveCapacity(chunk.ids.count + chunk.bigramOrdinals.count)
        var scratch: [Int32] = []
        var bigramStart = 0
        for document in 0..<(chunk.documentStarts.count - 1) {
            let range = chunk.documentStarts[document]..<chunk.documentStarts[document + 1]
            let before = result.columns.count
            scratch.removeAll(keepingCapacity: true)
            for k in range { scratch.append(unigramMap[Int(chunk.ids[k])]) }
            appendCounts(&scratch, to: &result)
            if includesBigrams, range.count > 1 {
                scratch.removeAll(keepingCapacity: true)
                for k in bigramStart..<(bigramStart + range.count - 1) {
                    scratch.append(bigramMap[Int(chunk.bigramOrdinals[k])])
                }
                bigramStart += range.count - 1
                appendCounts(&scratch, to: &result)
            }
            result.rowLengths.append(result.columns.count - before)
        }
        return result
    }

    /// Sorts `ids` and appends each distinct id with its multiplicity.
    private static func appendCounts(_ ids: inout [Int32], to rows: inout ChunkRows) {
        ids.sort()
        var k = 0
        while k < ids.count {
            var end = k + 1
            while end < ids.count && ids[end] == ids[k] { end += 1 }
            rows.columns.append(ids[k])
            rows.values.append(Float(end - k))
            k = end
        }
    }

    /// Consecutive document ranges, about one per core (at least 512 documents each).
    static func chunkRanges(documentCount: Int, chunkCount: Int? = nil) -> [Range<Int>] {
        let wanted = chunkCount ?? min(ProcessInfo.processInfo.activeProcessorCount, max(1, documentCount / 512))
        let count = max(1, min(wanted, max(documentCount, 1)))
        return (0..<count).map { c in (c * documentCount / count)..<((c + 1) * documentCount / count) }
    }

    /// `transform` applied to every element, the elements processed in parallel.
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        if items.count <= 1 { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let slots = UnsafeSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                slots.base[index] = transform(items[index])
            }
        }
        return results.compactMap { $0 }
    }
}

/// A pointer to result slots that parallel iterations write disjointly.
private struct UnsafeSlots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R?>
}
