/// Marks occurrences of term lists in text. A term is a sequence of words compared without case;
/// a word ending in `*` matches any word starting with the rest (`radiotherap*`). Words are runs of
/// letters and digits, so punctuation and hyphens separate them.
public struct Highlighter: Sendable {
    struct Pattern: Sendable {
        var words: [String]
        var prefix: [Bool]
        var style: Style
        var priority: Int
    }

    var patterns: [Pattern] = []

    /// Style of topic-query terms.
    public static let topicStyle = Style(.bold, role: .topic)
    /// Style of include terms.
    public static let includeStyle = Style([.bold, .underline], role: .include)
    /// Style of exclude terms.
    public static let excludeStyle = Style(.underline, role: .exclude)
    /// Style of search matches.
    public static let searchStyle = Style(.reverse, role: .searchMatch)

    /// A highlighter for the review's term lists plus an optional search query.
    public init(terms: HighlightTerms, search: String? = nil) {
        add(terms.topic, Highlighter.topicStyle, priority: 1)
        add(terms.include, Highlighter.includeStyle, priority: 2)
        add(terms.exclude, Highlighter.excludeStyle, priority: 3)
        if let search { add(search.split(separator: " ").map(String.init), Highlighter.searchStyle, priority: 4) }
    }

    private mutating func add(_ terms: [String], _ style: Style, priority: Int) {
        for term in terms {
            var words: [String] = []
            var prefix: [Bool] = []
            for (start, end) in Highlighter.wordRanges(Array(term.lowercased())) {
                let characters = Array(term.lowercased())
                words.append(String(characters[start..<end]))
                prefix.append(end < characters.count && characters[end] == "*")
            }
            if !words.isEmpty {
                patterns.append(Pattern(words: words, prefix: prefix, style: style, priority: priority))
            }
        }
    }

    /// Whether there is anything to highlight.
    public var isEmpty: Bool { patterns.isEmpty }

    /// Restyles the glyphs covered by a term, keeping the highest-priority match per glyph.
    public func apply(to glyphs: inout [Glyph]) {
        guard !patterns.isEmpty else { return }
        let characters = glyphs.map(\.character)
        let ranges = Highlighter.wordRanges(characters)
        let words = ranges.map { String(characters[$0.0..<$0.1]).lowercased() }
        var priority = [Int](repeating: 0, count: glyphs.count)
        for start in words.indices {
            for pattern in patterns where start + pattern.words.count <= words.count {
                var matches = true
                for offset in pattern.words.indices {
                    let word = words[start + offset], wanted = pattern.words[offset]
                    if pattern.prefix[offset] ? !word.hasPrefix(wanted) : word != wanted {
                        matches = false
                        break
                    }
                }
                guard matches else { continue }
                let from = ranges[start].0, to = ranges[start + pattern.words.count - 1].1
                for index in from..<to where priority[index] < pattern.priority {
                    priority[index] = pattern.priority
                    glyphs[index].style = pattern.style
                }
            }
        }
    }

    /// Half-open index ranges of the words (letter/digit runs) in a character array.
    static func wordRanges(_ characters: [Character]) -> [(Int, Int)] {
        var ranges: [(Int, Int)] = []
        var start: Int?
        for (index, character) in characters.enumerated() {
            let isWord = character.isLetter || character.isNumber
            if isWord, start == nil { start = index }
            if !isWord, let begin = start {
                ranges.append((begin, index))
                start = nil
            }
        }
        if let begin = start { ranges.append((begin, characters.count)) }
        return ranges
    }
}
