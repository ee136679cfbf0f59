import Foundation

/// Reads a Boolean search as run in Ovid (MEDLINE/Embase) or PubMed and turns it into weighted
/// query terms for BM25. It does not evaluate the Boolean logic (ranking needs the vocabulary
/// of the search, not its set semantics); what it understands:
///
/// - numbered lines, one per line: combination lines (`or/1-5`, `and/16,26`, `1 and 2`,
///   `#1 AND #2`) contribute no words; lines referenced after `not` (`3 not 4`) are dropped,
///   as are `limit …` lines;
/// - Ovid field suffixes (`.ti,ab.`, `.tw.`, `.mp.`, `.sh.`, `.au.`) and PubMed tags (`[tiab]`,
///   `[MeSH Terms]`, `[mh]`, `[au]`, `[pt]`, `[lang]`); author, publication-type, language and
///   date fields are dropped;
/// - subject headings (`Dementia/`, `exp Renal Dialysis/`, `*Lymphatic Metastasis/`,
///   `Stomach Neoplasms/pa`, `[MeSH Terms]`) weigh `headingWeight` (focused `*` headings
///   `focusedHeadingWeight`): records rarely carry the heading words verbatim;
/// - operators `and`, `or`, `not` (terms under `not` are dropped), proximity `adjN`, `NEAR/N`,
///   `w/N` (both sides kept; for `adj`/`adj1` the two neighbouring words also form a phrase);
/// - truncation and wildcards (`diagnos$`, `dement*`, `man?euv$`, `tend#nitis`) become
///   `.pattern` terms; quoted strings and multi-word groups become phrases.
///
/// Anything else degrades to plain words. `parse` never fails.
public struct BooleanQueryParser: Sendable {
    /// Weight of text words (title, abstract, keyword fields).
    public var textWeight = 1.0
    /// Weight of subject-heading words.
    public var headingWeight = 0.5
    /// Weight of focused (`*`) subject-heading words.
    public var focusedHeadingWeight = 0.75

    /// A parser with the default weights.
    public init() {}

    /// The weighted terms of `query`.
    public func parse(_ query: String) -> WeightedQuery {
        let lines = query.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var negatedLines = Set<Int>()
        var perLine: [[WeightedQuery.Term]] = []
        for line in lines {
            if let negated = Self.combinationLineNegations(line) {
                negatedLines.formUnion(negated)
                perLine.append([])
            } else if line.lowercased().hasPrefix("limit ") {
                perLine.append([])
            } else {
                perLine.append(terms(ofLine: line))
            }
        }
        var result: [WeightedQuery.Term] = []
        for (offset, terms) in perLine.enumerated() where !negatedLines.contains(offset + 1) {
            result.append(contentsOf: terms)
        }
        return WeightedQuery(terms: result)
    }

    // MARK: - Combination lines

    /// nil when `line` has words other than operators; else the line numbers it negates.
    static func combinationLineNegations(_ line: String) -> Set<Int>? {
        let lower = line.lowercased()
        var words: [String] = []
        var current = ""
        for c in lower {
            if c.isLetter || c.isNumber {
                current.append(c)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                guard c.isWhitespace || "#()-,/".contains(c) else { return nil }
            }
        }
        if !current.isEmpty { words.append(current) }
        guard words.contains(where: { Int($0) != nil }) else { return nil }
        var negated = Set<Int>()
        var negating = false
        for word in words {
            if let number = Int(word) {
                if negating { negated.insert(number) }
            } else if word == "not" {
                negating = true
            } else if word == "and" || word == "or" {
                negating = false
            } else {
                return nil
            }
        }
        return negated
    }
}
