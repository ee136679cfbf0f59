import Foundation

/// Parsing of one search line into groups of words.
extension BooleanQueryParser {
    /// A run of words between operators, with what the search said about it.
    struct Group {
        var words: [String]
        var depth: Int
        var negated: Bool
        var weight: Double
        var dropped = false
    }

    private static let droppedFields: Set<String> = [
        "au", "pt", "lg", "la", "yr", "ed", "dp", "jn", "so", "in", "ui", "an", "fs", "is", "ip", "vo", "pg",
    ]
    private static let headingFields: Set<String> = ["sh", "hw", "mh", "fs"]
    private static let droppedTags: Set<String> = [
        "au", "pt", "la", "lang", "dp", "pdat", "sb", "filter", "jour", "ta", "ad", "affiliation",
        "author", "publication type", "language", "edat", "mhda", "crdt",
    ]
    private static let headingTags: Set<String> = ["mesh", "mh", "mesh terms", "majr", "mesh:noexp", "mh:noexp", "sh"]

    /// The weighted terms of one line.
    func terms(ofLine line: String) -> [WeightedQuery.Term] {
        let tokens = BooleanQueryLexer.tokens(line)
        var groups: [Group] = []
        var current: [String] = []
        var depth = 0
        var blockStarts: [Int] = []  // index into `groups` where each open paren's block starts
        var lastClosedBlock: Range<Int>?
        var negationDepth: Int?
        var adjacencyWord: String?
        var phrases: [Group] = []
        var index = 0

        func closeGroup() {
            guard !current.isEmpty else { return }
            let words = current
            current = []
            let negated = negationDepth.map { depth >= $0 } ?? false
            if let left = adjacencyWord, let right = words.first {
                phrases.append(Group(words: [left, right], depth: depth, negated: negated, weight: textWeight))
            }
            adjacencyWord = nil
            groups.append(Group(words: words, depth: depth, negated: negated, weight: textWeight))
            lastClosedBlock = (groups.count - 1)..<groups.count
        }
        func applyToLast(_ change: (inout Group) -> Void) {
            guard let block = lastClosedBlock else { return }
            for k in block where k < groups.count { change(&groups[k]) }
        }

        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .open:
                closeGroup()
                depth += 1
                blockStarts.append(groups.count)
            case .close:
                closeGroup()
                if let start = blockStarts.popLast() { lastClosedBlock = start..<groups.count }
                depth = max(depth - 1, 0)
                if let negation = negationDepth, depth < negation { negationDepth = nil }
            case .comma:
                continue
            case .quoted(let text):
                closeGroup()
                current = [text]
                closeGroup()
            case .word(let raw):
                let lower = raw.lowercased()
                if let adjacent = Self.proximity(lower, tokens, &index) {
                    let left = current.last ?? groups.last?.words.last
                    closeGroup()
                    adjacencyWord = adjacent ? left : nil
                } else if lower == "and" || lower == "or" {
                    closeGroup()
                    if let negation = negationDepth, depth <= negation { negationDepth = nil }
                } else if lower == "not" {
                    closeGroup()
                    negationDepth = depth
                } else if lower == "exp" && current.isEmpty {
                    continue
                } else if Int(lower.trimmingCharacters(in: ["#"])) != nil {
                    closeGroup()  // a line reference such as "#3"
                } else {
                    current.append(raw)
                }
            case .slash:
                let heading = !current.isEmpty
                closeGroup()
                if heading || lastClosedBlock != nil {
                    let weight =
                        (groups.last?.words.first?.hasPrefix("*") ?? false) ? focusedHeadingWeight : headingWeight
                    applyToLast { $0.weight = min($0.weight, weight) }
                }
                if index < tokens.count, case .word(let sub) = tokens[index], sub.count <= 2, sub.allSatisfy(\.isLetter)
                {
                    index += 1  // an Ovid subheading such as "/du"
                }
            case .field(let codes):
                closeGroup()
                if codes.allSatisfy({ Self.droppedFields.contains($0) }) {
                    applyToLast { $0.dropped = true }
                } else if codes.allSatisfy({ Self.headingFields.contains($0) }) {
                    applyToLast { $0.weight = min($0.weight, headingWeight) }
                }
            case .bracket(let tag):
                closeGroup()
                if Self.droppedTags.contains(tag) || tag.hasSuffix("[au]") {
                    applyToLast { $0.dropped = true }
                } else if Self.headingTags.contains(tag) {
                    applyToLast { $0.weight = min($0.weight, headingWeight) }
                }
            }
        }
        closeGroup()
        return (groups + phrases).filter { !$0.negated && !$0.dropped }.flatMap(Self.terms(of:))
    }

    /// Recognises proximity operators (`adj`, `adj3`, `near/2`, `near2`, `w/3`); returns whether
    /// they demand adjacency (`adj`, `adj1`), consuming a following `/N`; nil for other words.
    private static func proximity(_ word: String, _ tokens: [BooleanQueryLexer.Token], _ index: inout Int) -> Bool? {
        let operators = ["adj", "near", "w", "n", "next"]
        guard
            let name = operators.first(where: { word.hasPrefix($0) && word.dropFirst($0.count).allSatisfy(\.isNumber) })
        else { return nil }
        if (name == "w" || name == "n") && word.count == 1 {
            guard index < tokens.count, tokens[index] == .slash else { return nil }
        }
        var distance = Int(word.dropFirst(name.count)) ?? 1
        if index + 1 < tokens.count, tokens[index] == .slash, case .word(let number) = tokens[index + 1],
            let n = Int(number)
        {
            distance = n
            index += 2
        }
        return (name == "adj" || name == "next") && distance <= 1
    }

    /// A group's query terms: truncated or wildcard words as patterns, the rest as one phrase.
    private static func terms(of group: Group) -> [WeightedQuery.Term] {
        var result: [WeightedQuery.Term] = []
        var plain: [String] = []
        for var word in group.words {
            while word.hasPrefix("*") { word.removeFirst() }
            let body = word.dropLast(word.last == "*" || word.last == "$" ? 1 : 0)
            if body.contains(where: { "$*?#".contains($0) }) || word.hasSuffix("$")
                || (word.hasSuffix("*") && word.count > 1)
            {
                result.append(.init(.pattern(word), weight: group.weight))
            } else if !word.isEmpty {
                plain.append(word)
            }
        }
        if !plain.isEmpty { result.append(.init(.text(plain.joined(separator: " ")), weight: group.weight)) }
        return result
    }
}
