import Foundation
import ReviewModel

@testable import Formats
import TestSupport

/// Random citations with unicode text and multi-line abstracts.
enum RecordGenerator {
    static let words = [
        "naïve", "Ørsted", "日本語", "Ελληνικά", "émigré", "Straße", "🧪", "trial", "randomised", "cohort",
        "meta-analysis", "(95%", "CI)", "\"quoted\"", "comma,", "O'Brien", "α-synuclein", "p<0.05", "Zürich",
        "Łódź", "résumé", "COVID-19", "&", "x²", "—", "über", "Ñandú", "Россия", "한국어", "tab\tinside",
    ]

    static func sentence(_ rng: inout SplitMix64, words count: ClosedRange<Int>) -> String {
        (0..<Int.random(in: count, using: &rng)).map { _ in words.randomElement(using: &rng)! }
            .joined(separator: " ")
    }

    static func optional<T>(_ rng: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> T? {
        Bool.random(using: &rng) ? make(&rng) : nil
    }

    /// A record whose fields are all in the form readers return (trimmed, non-empty or nil).
    static func record(_ rng: inout SplitMix64, index: Int) -> ImportedRecord {
        var fields = ReferenceFields()
        fields.type = ["JOUR", "BOOK", "CHAP", "CONF", "GEN"].randomElement(using: &rng)
        fields.title = sentence(&rng, words: 1...12)
        let paragraphs = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
            (0..<Int.random(in: 1...3, using: &rng)).map { _ in sentence(&rng, words: 1...20) }.joined(separator: "\n")
        }
        fields.abstract = paragraphs.joined(separator: "\n\n")
        fields.authors = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
            "\(words.randomElement(using: &rng)!), \(["A", "B. C.", "Jörg", "李"].randomElement(using: &rng)!)"
        }
        fields.journal = optional(&rng) { sentence(&$0, words: 1...5) }
        fields.year = optional(&rng) { Int.random(in: 1900...2030, using: &$0) }
        fields.volume = optional(&rng) { String(Int.random(in: 1...400, using: &$0)) }
        fields.issue = optional(&rng) { String(Int.random(in: 1...12, using: &$0)) }
        fields.pages = optional(&rng) { rng in
            Bool.random(using: &rng)
                ? "\(Int.random(in: 1...99, using: &rng))-\(Int.random(in: 100...999, using: &rng))"
                : "e\(Int.random(in: 1000...9999, using: &rng))"
        }
        fields.doi = optional(&rng) { "10.\(Int.random(in: 1000...9999, using: &$0))/tarsier.\(index)" }
        fields.pmid = optional(&rng) { String(Int.random(in: 1...39_999_999, using: &$0)) }
        fields.keywords = (0..<Int.random(in: 0...4, using: &rng)).map { _ in sentence(&rng, words: 1...3) }
        fields.meshTerms = (0..<Int.random(in: 0...3, using: &rng)).map { _ in sentence(&rng, words: 1...3) }
        fields.urls = (0..<Int.random(in: 0...2, using: &rng)).map { "https://example.org/record/\(index)/\($0)" }
        fields.language = optional(&rng) { ["eng", "ger", "日本語"].randomElement(using: &$0)! }
        let label = optional(&rng) { Label.allCases.randomElement(using: &$0)! }
        let sourceID = optional(&rng) { _ in "rec-\(index)" }
        return ImportedRecord(fields: fields, line: 0, sourceID: sourceID, label: label)
    }
}

/// A fresh temporary directory removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-formats-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
