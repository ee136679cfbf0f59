/// The terms of a corpus: unigrams (ids `0 ..< unigramCount`) then bigrams of adjacent terms
/// (ids `unigramCount...`), each with its document frequency.
public struct Vocabulary: Sendable {
    /// Unigram text → id.
    public private(set) var unigramIDs: [String: Int32] = [:]
    /// Unigram id → text.
    public private(set) var unigrams: [String] = []
    /// Bigram (first unigram id, second unigram id) packed as `first << 32 | second` → id.
    public private(set) var bigramIDs: [UInt64: Int32] = [:]
    /// For term id `unigramCount + k`, the packed pair of the k-th bigram.
    public private(set) var bigramPairs: [UInt64] = []
    /// Number of documents each term occurs in, by term id.
    public internal(set) var documentFrequency: [Int32] = []
    /// Unigrams sorted by text, for prefix and wildcard expansion.
    public private(set) var sortedUnigrams: [(term: String, id: Int32)] = []

    /// An empty vocabulary.
    public init() {}

    /// Number of unigram terms.
    public var unigramCount: Int { unigrams.count }
    /// Number of terms (unigrams and bigrams).
    public var count: Int { unigrams.count + bigramPairs.count }

    /// The id of a unigram, if known.
    public func id(of term: String) -> Int32? { unigramIDs[term] }

    /// The id of the bigram "first second", if known.
    public func id(of first: String, _ second: String) -> Int32? {
        guard let a = unigramIDs[first], let b = unigramIDs[second] else { return nil }
        return bigramIDs[Self.pack(a, b)]
    }

    /// The text of a term ("word" or "first second").
    public func term(_ id: Int32) -> String {
        let index = Int(id)
        if index < unigrams.count { return unigrams[index] }
        let pair = bigramPairs[index - unigrams.count]
        return unigrams[Int(pair >> 32)] + " " + unigrams[Int(pair & 0xFFFF_FFFF)]
    }

    /// Unigram ids of every term starting with `prefix`, most frequent first, at most `limit`.
    public func expandPrefix(_ prefix: String, limit: Int = 64) -> [Int32] {
        expand(literalPrefix: prefix, limit: limit) { _ in true }
    }

    /// Unigram ids of every term matching `pattern`, most frequent first, at most `limit`.
    public func expand(_ pattern: TermPattern, limit: Int = 64) -> [Int32] {
        expand(literalPrefix: pattern.literalPrefix, limit: limit) { pattern.matches($0) }
    }

    // MARK: - Building

    mutating func unigramID(inserting term: String) -> Int32 {
        if let id = unigramIDs[term] { return id }
        let id = Int32(unigrams.count)
        unigramIDs[term] = id
        unigrams.append(term)
        return id
    }

    /// Bigram ids are stored offset by the final unigram count; call only after all unigrams exist.
    mutating func bigramOrdinal(inserting pair: UInt64) -> Int32 {
        if let ordinal = bigramIDs[pair] { return ordinal }
        let ordinal = Int32(bigramPairs.count)
        bigramIDs[pair] = ordinal
        bigramPairs.append(pair)
        return ordinal
    }

    /// Converts bigram ordinals into final term ids once the unigram set is complete.
    mutating func finishBigrams() {
        let offset = Int32(unigrams.count)
        for (key, ordinal) in bigramIDs { bigramIDs[key] = ordinal + offset }
        sortedUnigrams = zip(unigrams, unigrams.indices).map { ($0, Int32($1)) }.sorted { $0.term < $1.term }
    }

    static func pack(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }

    private func expand(literalPrefix: String, limit: Int, where accept: (String) -> Bool) -> [Int32] {
        var low = 0
        var high = sortedUnigrams.count
        while low < high {
            let mid = (low + high) / 2
            if sortedUnigrams[mid].term < literalPrefix { low = mid + 1 } else { high = mid }
        }
        var found: [Int32] = []
        var index = low
        while index < sortedUnigrams.count, sortedUnigrams[index].term.hasPrefix(literalPrefix) {
            if accept(sortedUnigrams[index].term) { found.append(sortedUnigrams[index].id) }
            index += 1
        }
        let ranked = found.sorted {
            let (a, b) = (documentFrequency[Int($0)], documentFrequency[Int($1)])
            return a != b ? a > b : $0 < $1
        }
        return Array(ranked.prefix(limit))
    }
}
