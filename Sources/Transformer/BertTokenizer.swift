import Foundation

/// BERT uncased tokenization end to end: basic tokenizer, WordPiece, `[CLS] … [SEP]`, truncation
/// keeping the first `maxLength − 2` wordpieces (Hugging Face `BertTokenizer`, truncation
/// "longest_first" on a single sequence).
public struct BertTokenizer: Sendable {
    /// Id of `[PAD]`, `[UNK]`, `[CLS]` and `[SEP]` in this vocabulary.
    public let padID: Int32, unknownID: Int32, clsID: Int32, sepID: Int32
    /// Tokens by id (line order of vocab.txt).
    public let tokens: [String]
    private let basic = BasicTokenizer()
    private let wordpiece: WordpieceTokenizer

    /// Reads `vocab.txt`: one token per line, the line number is the id.
    /// - Throws: `TransformerError.unreadableFile` or `.missingVocabularyToken`.
    public init(vocabularyURL: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: vocabularyURL) } catch {
            throw TransformerError.unreadableFile(path: vocabularyURL.path, reason: error.localizedDescription)
        }
        // Split on LF bytes (a trailing CR is dropped, like Python's universal newlines).
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> [UInt8] in
            var bytes = Array(line)
            if bytes.last == 0x0D { bytes.removeLast() }
            return bytes
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        try self.init(vocabularyBytes: lines)
    }

    /// A tokenizer over `vocabulary` in id order.
    public init(vocabulary: [String]) throws {
        try self.init(vocabularyBytes: vocabulary.map { Array($0.utf8) })
    }

    private init(vocabularyBytes: [[UInt8]]) throws {
        var map: [[UInt8]: Int32] = [:]
        map.reserveCapacity(vocabularyBytes.count)
        for (index, token) in vocabularyBytes.enumerated() { map[token] = Int32(index) }  // later wins
        func id(_ token: String) throws -> Int32 {
            guard let id = map[Array(token.utf8)] else { throw TransformerError.missingVocabularyToken(token) }
            return id
        }
        padID = try id("[PAD]")
        unknownID = try id("[UNK]")
        clsID = try id("[CLS]")
        sepID = try id("[SEP]")
        tokens = vocabularyBytes.map { String(decoding: $0, as: UTF8.self) }
        wordpiece = WordpieceTokenizer(vocabulary: map, unknownID: unknownID)
    }

    /// The wordpiece ids of `text`, without `[CLS]`/`[SEP]` and untruncated.
    public func wordpieces(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        for word in basic.tokenize(text) { wordpiece.tokenize(word: word, into: &ids) }
        return ids
    }

    /// `[CLS] wordpieces [SEP]`, keeping at most `maxLength − 2` wordpieces (no limit if nil).
    public func encode(_ text: String, maxLength: Int? = nil) -> [Int32] {
        var pieces = wordpieces(text)
        if let maxLength, pieces.count > max(maxLength - 2, 0) {
            pieces.removeSubrange(max(maxLength - 2, 0)...)
        }
        return [clsID] + pieces + [sepID]
    }

    /// The token strings of `ids` (for debugging and tests).
    public func tokenStrings(_ ids: [Int32]) -> [String] {
        ids.map { Int($0) < tokens.count && $0 >= 0 ? tokens[Int($0)] : "[?]" }
    }
}
