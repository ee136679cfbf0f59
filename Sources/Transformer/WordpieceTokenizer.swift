/// Greedy longest-match-first WordPiece (Schuster & Nakajima 2012; Google BERT `tokenization.py`
/// `WordpieceTokenizer`): each word becomes vocabulary pieces, continuations prefixed `##`;
/// a word longer than `maxCharacters` or with an unmatchable part becomes one `[UNK]`.
public struct WordpieceTokenizer: Sendable {
    /// Vocabulary keyed by exact UTF-8 bytes (Python compares code points, not canonical
    /// equivalence as Swift `String` equality would).
    private let vocabulary: [[UInt8]: Int32]
    /// The longest vocabulary entry in bytes; longer candidates cannot match.
    private let longestEntry: Int
    /// Id of `[UNK]`.
    public let unknownID: Int32
    /// Words with more Unicode scalars than this become `[UNK]` (100 in BERT).
    public let maxCharacters: Int

    /// A tokenizer over `vocabulary` (token → id).
    public init(vocabulary: [[UInt8]: Int32], unknownID: Int32, maxCharacters: Int = 100) {
        self.vocabulary = vocabulary
        self.longestEntry = vocabulary.keys.map(\.count).max() ?? 0
        self.unknownID = unknownID
        self.maxCharacters = maxCharacters
    }

    /// Appends the wordpiece ids of one basic-tokenizer word to `output`.
    public func tokenize(word: String, into output: inout [Int32]) {
        let scalars = Array(word.unicodeScalars)
        if scalars.count > maxCharacters {
            output.append(unknownID)
            return
        }
        // UTF-8 bytes of the word and the byte offset where each scalar starts.
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            offsets.append(bytes.count)
            bytes.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
        }
        offsets.append(bytes.count)
        let firstNew = output.count
        var start = 0
        var candidate: [UInt8] = []
        while start < scalars.count {
            var end = scalars.count
            var match: Int32?
            while start < end {
                let length = offsets[end] - offsets[start] + (start > 0 ? 2 : 0)
                if length <= longestEntry {
                    candidate.removeAll(keepingCapacity: true)
                    if start > 0 { candidate.append(contentsOf: [0x23, 0x23]) }  // "##"
                    candidate.append(contentsOf: bytes[offsets[start]..<offsets[end]])
                    if let id = vocabulary[candidate] { match = id; break }
                }
                end -= 1
            }
            guard let match else {
                output.removeSubrange(firstNew...)
                output.append(unknownID)
                return
            }
            output.append(match)
            start = end
        }
    }
}
