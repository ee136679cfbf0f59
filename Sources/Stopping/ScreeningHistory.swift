import ReviewModel

/// One screening decision as the stopping rules see it.
public struct ScreeningStep: Sendable, Hashable, Codable {
    /// Whether the record was judged relevant.
    public var relevant: Bool
    /// Whether the record was drawn uniformly at random from the unscreened pool (the random
    /// share of a mixed query strategy) rather than taken from the top of a ranking.
    public var pickedAtRandom: Bool

    /// A decision; `pickedAtRandom` defaults to false (a ranked pick).
    public init(relevant: Bool, pickedAtRandom: Bool = false) {
        self.relevant = relevant
        self.pickedAtRandom = pickedAtRandom
    }
}

/// The decisions of a review in the order they were made, with the size of the pool they came from.
///
/// The pool is every record to be screened (duplicates removed), screened or not. Stopping rules
/// read only this: labels in screening order, the random-pick flags and the pool size.
public struct ScreeningHistory: Sendable, Hashable {
    /// Decisions, first to last.
    public private(set) var steps: [ScreeningStep]
    /// Records to screen in total, screened or not (N).
    public let poolSize: Int
    /// Relevant records among the decisions so far.
    public private(set) var relevantFound: Int

    /// A history from decisions; throws when there are more decisions than records.
    public init(poolSize: Int, steps: [ScreeningStep] = []) throws {
        guard steps.count <= poolSize else {
            throw StoppingError.historyLongerThanPool(screened: steps.count, poolSize: poolSize)
        }
        self.poolSize = poolSize
        self.steps = steps
        self.relevantFound = steps.reduce(0) { $0 + ($1.relevant ? 1 : 0) }
    }

    /// A history from relevance flags in screening order and, optionally, one random-pick flag each.
    public init(poolSize: Int, relevant: [Bool], pickedAtRandom: [Bool]? = nil) throws {
        if let pickedAtRandom, pickedAtRandom.count != relevant.count {
            throw StoppingError.lengthMismatch(labels: relevant.count, flags: pickedAtRandom.count)
        }
        let steps = relevant.indices.map {
            ScreeningStep(relevant: relevant[$0], pickedAtRandom: pickedAtRandom?[$0] ?? false)
        }
        try self.init(poolSize: poolSize, steps: steps)
    }

    /// A history from review labels. A `maybe` counts as relevant by default: for every rule here
    /// that is the cautious choice (it can only delay a stop).
    public init(
        poolSize: Int, labels: [Label], pickedAtRandom: [Bool]? = nil, maybeCountsAsRelevant: Bool = true
    ) throws {
        let relevant = labels.map { $0 == .include || ($0 == .maybe && maybeCountsAsRelevant) }
        try self.init(poolSize: poolSize, relevant: relevant, pickedAtRandom: pickedAtRandom)
    }

    /// Records screened so far (n).
    public var screened: Int { steps.count }

    /// Records not yet screened (N − n).
    public var remaining: Int { poolSize - steps.count }

    /// Adds the next decision; throws when the pool is exhausted.
    public mutating func append(_ step: ScreeningStep) throws {
        guard steps.count < poolSize else {
            throw StoppingError.historyLongerThanPool(screened: steps.count + 1, poolSize: poolSize)
        }
        steps.append(step)
        if step.relevant { relevantFound += 1 }
    }

    /// The history as it stood after the first `count` decisions.
    public func prefix(_ count: Int) -> ScreeningHistory {
        let kept = Array(steps.prefix(max(0, count)))
        // The prefix of a valid history is valid, so this cannot fail.
        return (try? ScreeningHistory(poolSize: poolSize, steps: kept)) ?? self
    }

    /// Relevant records found after each decision: element i counts decisions 0...i.
    public var cumulativeRelevant: [Int] {
        var total = 0
        return steps.map { step in
            if step.relevant { total += 1 }
            return total
        }
    }
}
