/// A truncation or wildcard pattern over one folded term, as written in Ovid or PubMed searches:
/// `$`/`*` at the end = any suffix (`$3` = up to three more characters), `?` inside = zero or one
/// character (Ovid's optional wildcard), `#` inside = exactly one character.
public struct TermPattern: Sendable, Hashable {
    /// One element of the pattern.
    public enum Piece: Sendable, Hashable {
        /// A literal character.
        case literal(Character)
        /// Exactly one character (`#`).
        case one
        /// Zero or one character (`?`).
        case optionalOne
        /// Any number of characters, at most the given count when not nil (`$`, `*`, `$N`).
        case any(max: Int?)
    }

    /// The pieces in order.
    public let pieces: [Piece]

    /// Parses a pattern; characters other than the wildcards are literals.
    public init(_ text: String) {
        var pieces: [Piece] = []
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            switch c {
            case "#": pieces.append(.one)
            case "?": pieces.append(.optionalOne)
            case "$", "*":
                var digits = ""
                while let d = characters.first, d.isASCII, d.isNumber { digits.append(d); characters.removeFirst() }
                pieces.append(.any(max: Int(digits)))
            default: pieces.append(.literal(c))
            }
        }
        self.pieces = pieces
    }

    /// True when the pattern has any wildcard.
    public var hasWildcard: Bool {
        pieces.contains { if case .literal = $0 { false } else { true } }
    }

    /// The literal characters before the first wildcard.
    public var literalPrefix: String {
        var prefix = ""
        for piece in pieces {
            guard case .literal(let c) = piece else { break }
            prefix.append(c)
        }
        return prefix
    }

    /// Whether `term` matches the whole pattern.
    public func matches(_ term: String) -> Bool {
        Self.match(pieces[...], Array(term)[...])
    }

    private static func match(_ pattern: ArraySlice<Piece>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case .literal(let c):
            return text.first == c && match(rest, text.dropFirst())
        case .one:
            return !text.isEmpty && match(rest, text.dropFirst())
        case .optionalOne:
            return match(rest, text) || (!text.isEmpty && match(rest, text.dropFirst()))
        case .any(let limit):
            let most = min(text.count, limit ?? text.count)
            for skip in 0...most where match(rest, text.dropFirst(skip)) { return true }
            return false
        }
    }
}
