/// A bag of weighted query terms: what a topic (title, objective, Boolean search) contributes
/// to BM25 ranking.
public struct WeightedQuery: Sendable, Hashable {
    /// One query element.
    public struct Term: Sendable, Hashable {
        /// What to match.
        public enum Kind: Sendable, Hashable {
            /// Free text: one word, or a phrase (its words and adjacent-word bigrams).
            case text(String)
            /// A truncated or wildcard word (see `TermPattern`).
            case pattern(String)
        }
        /// What to match.
        public var kind: Kind
        /// Its weight (1 for text words; lower for subject headings).
        public var weight: Double

        /// A term of the given kind and weight.
        public init(_ kind: Kind, weight: Double) {
            self.kind = kind
            self.weight = weight
        }
    }

    /// The terms, in the order they were found.
    public var terms: [Term]

    /// A query of the given terms.
    public init(terms: [Term] = []) {
        self.terms = terms
    }

    /// The query for free text (e.g. a review title): every word at the given weight.
    public static func text(_ text: String, weight: Double = 1) -> WeightedQuery {
        WeightedQuery(terms: [Term(.text(text), weight: weight)])
    }

    /// This query followed by `other`'s terms.
    public func merged(with other: WeightedQuery) -> WeightedQuery {
        WeightedQuery(terms: terms + other.terms)
    }
}
