import ReviewModel
import TextAnalysis

/// Turns a review's topic into query text and weighted BM25 terms.
public enum TopicQuery {
    /// Weight of the topic title's and objective's words.
    public static let titleWeight = 1.0

    /// The weighted query: the title and objective as free text plus the terms of the Boolean
    /// search (parsed by `BooleanQueryParser`; headings weigh less than text words).
    public static func weightedQuery(for topic: Topic) -> WeightedQuery {
        var query = WeightedQuery.text(topic.title, weight: titleWeight)
        if let objective = topic.objective { query = query.merged(with: .text(objective, weight: titleWeight)) }
        if let search = topic.query { query = query.merged(with: BooleanQueryParser().parse(search)) }
        return query
    }

    /// Plain text standing for the topic as a document (title, objective and the searched
    /// words, without truncation marks), e.g. to place it in TF-IDF space.
    public static func text(for topic: Topic) -> String {
        var parts = [topic.title, topic.objective ?? ""]
        if let search = topic.query {
            for term in BooleanQueryParser().parse(search).terms {
                switch term.kind {
                case .text(let text): parts.append(text)
                case .pattern(let pattern): parts.append(String(pattern.prefix { !"$*?#".contains($0) }))
                }
            }
        }
        return parts.joined(separator: " ")
    }
}
