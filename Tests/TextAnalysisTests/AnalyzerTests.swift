import Testing
@testable import TextAnalysis

@Suite("Analyzer")
struct AnalyzerTests {
    let analyzer = Analyzer()

    @Test("keeps hyphenated biomedical terms and decimal numbers whole")
    func biomedicalTokens() {
        // Given text with compounds, numbers and stop words
        let terms = analyzer.terms("COVID-19 and IL-6 levels in 5-HT3 receptors after 2.5 mg")
        // Then compounds stay whole and stop words go
        #expect(terms == ["covid-19", "il-6", "levels", "5-ht3", "receptors", "2.5", "mg"])
    }

    @Test("folds case, removes diacritics and expands compatibility characters")
    func normalisation() {
        #expect(
            analyzer.terms("Sjögren’s ﬁbrosis in MÜNCHEN, Straße") == ["sjogren", "fibrosis", "munchen", "strasse"])
        #expect(analyzer.normalize("Ａｂｃ É") == "abc e")
    }

    @Test("drops apostrophes inside names and one-letter tokens")
    func apostrophesAndShortTokens() {
        #expect(analyzer.terms("O'Brien test: a b c x-ray") == ["obrien", "test", "x-ray"])
    }

    @Test("a hyphen at a word edge does not join")
    func edgeHyphens() {
        #expect(analyzer.tokens("-pre post- well-being --") == ["pre", "post", "well-being"])
    }

    @Test("the stop-word list keeps negations")
    func negationsAreNotStopWords() {
        #expect(!StopWords.english.contains("not"))
        #expect(!StopWords.english.contains("no"))
        #expect(StopWords.english.contains("the"))
    }
}
