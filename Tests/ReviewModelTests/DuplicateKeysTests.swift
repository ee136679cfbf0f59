import Testing

@testable import ReviewModel

@Suite("Duplicate keys")
struct DuplicateKeysTests {
    @Test("DOI keys ignore case and resolver prefixes")
    func doi() {
        let a = ReferenceFields(doi: "https://doi.org/10.1002/CPP.2398")
        let b = ReferenceFields(doi: "doi:10.1002/cpp.2398")
        #expect(a.duplicateKeys == ["doi:10.1002/cpp.2398"])
        #expect(a.duplicateKeys == b.duplicateKeys)
        #expect(ReferenceFields(doi: "not a doi").duplicateKeys.isEmpty)
    }

    @Test("PMID keys keep digits only, without leading zeros")
    func pmid() {
        #expect(ReferenceFields(pmid: "PMID: 0012345").duplicateKeys == ["pmid:12345"])
    }

    @Test("titles match across diacritics, case, punctuation and spacing, but not across years")
    func title() {
        let a = ReferenceFields(title: "Café-Naïve  Study: Ørsted's ﬁndings.", year: 2019)
        // Ø has no NFKD decomposition.
        let b = ReferenceFields(title: "cafe naive study – ØRSTED s findings", year: 2019)
        let c = ReferenceFields(title: "Cafe naive study: Orsted's findings", year: 2020)
        #expect(ReferenceFields.normalisedTitle(a.title) == "cafenaivestudyørstedsfindings")
        #expect(a.duplicateKeys == b.duplicateKeys)
        #expect(a.duplicateKeys != c.duplicateKeys)
        // Combining marks are dropped after NFKD, so the voiced kana で folds to て as well.
        #expect(ReferenceFields(title: "日本語の研究についての長い題名を持つ論文です").duplicateKeys == ["title:日本語の研究についての長い題名を持つ論文てす|?"])
    }

    @Test("short titles (Editorial, Letter) never make a title key; all kinds appear in order")
    func order() {
        #expect(ReferenceFields(title: "Editorial", year: 2001).duplicateKeys.isEmpty)
        let all = ReferenceFields(
            title: "A randomised trial of exercise for low mood", year: 2001, doi: "10.1/x", pmid: "7")
        #expect(all.duplicateKeys == ["doi:10.1/x", "pmid:7", "title:arandomisedtrialofexerciseforlowmood|2001"])
    }

    @Test("the ASCII fast path folds every printable ASCII title exactly as the Unicode path does")
    func asciiFastPath() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 58)
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                scalars.append(Unicode.Scalar(UInt8(9 + (state >> 33) % 118)))
            }
            let title = String(scalars)
            #expect(ReferenceFields.normalisedTitle(title) == ReferenceFields.unicodeNormalisedTitle(title), "\(title)")
        }
        #expect(ReferenceFields.normalisedTitle("Ab-C 12.x") == "abc12x")
    }
}
