import Foundation

/// How the hybrid puts signals with different score scales on one scale before summing them.
public enum ScoreNormalisation: String, Sendable, Codable, CaseIterable {
    /// ln(n / rank) among the n unscreened records the signal covers (rank 1 → ln n, the median
    /// → ln 2): a rank fusion that, like reciprocal-rank fusion (Cormack, Clarke & Büttcher,
    /// SIGIR 2009), stresses the top of each list, but without RRF's constant k.
    case logRank = "log-rank"
    /// (score − mean) / standard deviation over the unscreened covered records (CombSUM of
    /// z-scores; Montague & Aslam, CIKM 2001, "Relevance score normalization for metasearch").
    case zScore = "z-score"
    /// (score − median) / (interquartile range / 1.349) over the unscreened covered records: a
    /// z-score whose centre and scale a few extreme scores do not move.
    case robustZ = "robust-z"
}

/// One signal's scores over the pool with the sorted scores of the records that were unscreened
/// (and covered) when they were computed, so that any record's rank among those can be looked up
/// in O(log n).
struct SignalRanks: Sendable {
    /// Raw score of every record (−∞ where the signal does not cover it).
    let scores: [Double]
    /// Scores of the unscreened covered records, ascending.
    let sortedOpen: [Double]
    let mean: Double
    let standardDeviation: Double

    init(scores: [Double], screened: [Bool]) {
        self.scores = scores
        var open: [Double] = []
        open.reserveCapacity(scores.count)
        for index in scores.indices where !screened[index] && scores[index].isFinite { open.append(scores[index]) }
        open.sort()
        sortedOpen = open
        let mean = open.isEmpty ? 0 : open.reduce(0, +) / Double(open.count)
        let variance = open.isEmpty ? 0 : open.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(open.count)
        self.mean = mean
        self.standardDeviation = variance.squareRoot()
    }

    /// Number of unscreened covered records.
    var openCount: Int { sortedOpen.count }

    /// Rank (1 = best, ties share the average rank) of `score` among the unscreened covered
    /// records; `isOpen` says whether the record itself is one of them.
    func rank(of score: Double, isOpen: Bool) -> Double {
        let below = lowerBound(score)
        let atOrBelow = upperBound(score)
        let greater = sortedOpen.count - atOrBelow
        let ties = atOrBelow - below - (isOpen ? 1 : 0)
        return 1 + Double(greater) + 0.5 * Double(max(ties, 0))
    }

    /// The normalised value of record `index` (nil when not covered).
    func normalised(_ index: Int, screened: Bool, method: ScoreNormalisation) -> Double? {
        let score = scores[index]
        guard score.isFinite, openCount > 0 else { return nil }
        switch method {
        case .logRank:
            return log(Double(openCount) / rank(of: score, isOpen: !screened))
        case .zScore:
            return standardDeviation > 0 ? (score - mean) / standardDeviation : 0
        case .robustZ:
            let n = sortedOpen.count
            let median = sortedOpen[n / 2]
            let scale = (sortedOpen[(3 * (n - 1)) / 4] - sortedOpen[(n - 1) / 4]) / 1.349
            if scale > 0 { return (score - median) / scale }
            return standardDeviation > 0 ? (score - mean) / standardDeviation : 0
        }
    }

    private func lowerBound(_ value: Double) -> Int {
        var low = 0, high = sortedOpen.count
        while low < high {
            let middle = (low + high) / 2
            if sortedOpen[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func upperBound(_ value: Double) -> Int {
        var low = 0, high = sortedOpen.count
        while low < high {
            let middle = (low + high) / 2
            if sortedOpen[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
