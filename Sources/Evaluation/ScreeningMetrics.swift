import Foundation

/// Effectiveness of one screening order, computed from the labels in the order records were
/// screened (priors first: they count as screened). With N records and R includes, and
/// `pos_j` the 1-based rank at which the j-th include was found:
///
/// - recall after k records = (includes among the first k) / R
/// - n_r = pos_⌈r·R⌉, the rank at which a fraction r of the includes has been found
/// - WSS@r = (N − n_r) / N − (1 − r)   (work saved over sampling; Cohen et al. 2006)
/// - RRF@p = recall after ⌈p·N⌉ records   (relevant records found)
/// - last include rank = pos_R
/// - ATD = (Σ_j pos_j) / (R · N)   (average time to discovery, as a fraction of N)
/// - AP = (1/R) Σ_j j / pos_j   (average precision of the whole order)
///
/// `⌈r·R⌉` is computed in IEEE double arithmetic, so it agrees with `math.ceil(r * R)` in
/// `../shared/tools/metrics.py`.
public struct ScreeningMetrics: Sendable, Codable, Hashable {
    /// Number of records N.
    public let recordCount: Int
    /// Number of includes R.
    public let includeCount: Int
    /// 1-based ranks of the includes, increasing.
    public let includeRanks: [Int]

    /// Metrics of a screening order given as the labels in screening order.
    /// - Throws: `EvaluationError.noIncludes` when no label is true.
    public init(labelsInScreeningOrder labels: [Bool]) throws {
        let ranks = labels.indices.filter { labels[$0] }.map { $0 + 1 }
        guard !ranks.isEmpty else { throw EvaluationError.noIncludes }
        recordCount = labels.count
        includeCount = ranks.count
        includeRanks = ranks
    }

    /// n_r: the rank at which ⌈r·R⌉ includes have been found (r in (0, 1]).
    public func rankAtRecall(_ r: Double) -> Int {
        let needed = min(max(Int((r * Double(includeCount)).rounded(.up)), 1), includeCount)
        return includeRanks[needed - 1]
    }

    /// WSS@r = (N − n_r)/N − (1 − r).
    public func workSavedOverSampling(atRecall r: Double) -> Double {
        Double(recordCount - rankAtRecall(r)) / Double(recordCount) - (1 - r)
    }

    /// WSS@95.
    public var wss95: Double { workSavedOverSampling(atRecall: 0.95) }
    /// WSS@100.
    public var wss100: Double { workSavedOverSampling(atRecall: 1.0) }

    /// RRF@p: recall after screening ⌈p·N⌉ records.
    public func recallAfterScreening(fraction p: Double) -> Double {
        let cut = Int((p * Double(recordCount)).rounded(.up))
        return Double(includeRanks.filter { $0 <= cut }.count) / Double(includeCount)
    }

    /// RRF@10.
    public var rrf10: Double { recallAfterScreening(fraction: 0.10) }
    /// RRF@5.
    public var rrf5: Double { recallAfterScreening(fraction: 0.05) }
    /// Rank of the last include (pos_R).
    public var lastIncludeRank: Int { includeRanks[includeCount - 1] }

    /// ATD = Σ pos_j / (R·N).
    public var averageTimeToDiscovery: Double {
        Double(includeRanks.reduce(0, +)) / Double(includeCount) / Double(recordCount)
    }

    /// AP = (1/R) Σ_j j / pos_j.
    public var averagePrecision: Double {
        includeRanks.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) / Double($1.element) } / Double(includeCount)
    }

    /// Includes found after each number of screened records: element k is the count among the
    /// first k records (k = 0...N), non-decreasing from 0 to R.
    public var foundCurve: [Int] {
        var curve = [Int](repeating: 0, count: recordCount + 1)
        var next = 0
        for k in 1...max(recordCount, 1) where k <= recordCount {
            if next < includeRanks.count, includeRanks[next] == k { next += 1 }
            curve[k] = next
        }
        return curve
    }
}
