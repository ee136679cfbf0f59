import Foundation

/// The hypergeometric distribution in log space: no overflow for pools of any realistic size.
///
/// X counts the successes among `draws` records drawn without replacement from a `population`
/// holding `successes` successes; P(X = i) = C(K, i) C(M − K, n − i) / C(M, n).
public enum Hypergeometric {
    /// log C(n, k) through `lgamma`; −∞ when k < 0 or k > n.
    public static func logChoose(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n, n >= 0 else { return -.infinity }
        if k == 0 || k == n { return 0 }
        return lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }

    /// log(Σ exp(v)) computed without overflow; −∞ for an empty list.
    public static func logSumExp(_ values: [Double]) -> Double {
        guard let peak = values.max(), peak > -.infinity else { return -.infinity }
        if peak == .infinity { return .infinity }
        return peak + log(values.reduce(0) { $0 + exp($1 - peak) })
    }

    /// log P(X = i); −∞ outside the support.
    public static func logPMF(_ i: Int, population: Int, successes: Int, draws: Int) -> Double {
        guard population >= 0, (0...population).contains(successes), (0...population).contains(draws) else {
            return -.infinity
        }
        return logChoose(successes, i) + logChoose(population - successes, draws - i)
            - logChoose(population, draws)
    }

    /// log P(X ≤ k). Parameters outside 0 ≤ K, n ≤ M give nil (the distribution is undefined).
    ///
    /// Sums the pmf from i = k downwards in log space (log-sum-exp), stepping with the pmf ratio
    /// P(i − 1)/P(i) = i (M − K − n + i) / ((K − i + 1)(n − i + 1)); once below the mode, stops when
    /// a term falls under e⁻⁴⁰ of the running sum (the terms only shrink from there).
    public static func logCDF(_ k: Int, population: Int, successes: Int, draws: Int) -> Double? {
        guard population >= 0, (0...population).contains(successes), (0...population).contains(draws) else {
            return nil
        }
        let lowest = max(0, draws - (population - successes))
        let highest = min(draws, successes)
        if k < lowest { return -.infinity }
        if k >= highest { return 0 }
        let mode = (draws + 1) * (successes + 1) / (population + 2)
        var term = logPMF(k, population: population, successes: successes, draws: draws)
        var peak = term
        var scaledSum = 1.0  // Σ exp(term − peak)
        var i = k
        while i > lowest {
            let ratio =
                log(Double(i)) + log(Double(population - successes - draws + i))
                - log(Double(successes - i + 1)) - log(Double(draws - i + 1))
            term += ratio
            i -= 1
            if term > peak {
                scaledSum = scaledSum * exp(peak - term) + 1
                peak = term
            } else {
                scaledSum += exp(term - peak)
            }
            if i <= mode, term < peak + log(scaledSum) - 40 { break }
        }
        return min(0, peak + log(scaledSum))
    }

    /// P(X ≤ k), or nil when the distribution is undefined.
    public static func cdf(_ k: Int, population: Int, successes: Int, draws: Int) -> Double? {
        logCDF(k, population: population, successes: successes, draws: draws).map(exp)
    }
}
