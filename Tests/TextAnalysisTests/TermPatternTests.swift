import Testing
@testable import TextAnalysis

@Suite("Truncation and wildcards")
struct TermPatternTests {
    @Test("Ovid's ? is an optional character and # exactly one")
    func wildcards() {
        let optional = TermPattern("man?euv$")
        #expect(optional.matches("manoeuvre"))
        #expect(optional.matches("maneuver"))
        #expect(!optional.matches("manuever"))
        let one = TermPattern("tend#nitis")
        #expect(one.matches("tendinitis") && one.matches("tendonitis"))
        #expect(!one.matches("tendnitis"))
    }

    @Test("$N limits the number of extra characters")
    func limitedTruncation() {
        let pattern = TermPattern("dog$1")
        #expect(pattern.matches("dog") && pattern.matches("dogs"))
        #expect(!pattern.matches("doggy"))
        #expect(pattern.literalPrefix == "dog")
    }

    @Test("prefix expansion returns the most frequent matching words first")
    func prefixExpansion() {
        let index = TermIndex(documents: ["tests tested", "tests testing", "tests"], includesBigrams: false)
        let expanded = index.vocabulary.expandPrefix("test").map { index.vocabulary.term($0) }
        #expect(expanded.first == "tests")
        #expect(Set(expanded) == ["tests", "tested", "testing"])
    }
}
