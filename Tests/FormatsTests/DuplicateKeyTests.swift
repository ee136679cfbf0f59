import ReviewModel
import Testing

@testable import Formats

@Suite("Duplicate keys")
struct DuplicateKeyTests {
    @Test("DOI keys ignore case and resolver prefixes")
    func doi() {
        let a = ReferenceFields(doi: "https://doi.org/10.1002/CPP.2398")
        let b = ReferenceFields(doi: "10.1002/cpp.2398")
        #expect(duplicateKeys(a) == ["doi:10.1002/cpp.2398"])
        #expect(duplicateKeys(a) == duplicateKeys(b))
    }

    @Test("PMID keys keep digits only")
    func pmid() {
        #expect(duplicateKeys(ReferenceFields(pmid: "PMID: 0012345")) == ["pmid:12345"])
    }

    @Test("titles match across diacritics, case, punctuation and spacing, but not across years")
    func title() {
        let a = ReferenceFields(title: "Café-Naïve  Study: Ørsted's ﬁndings.", year: 2019)
        let b = ReferenceFields(title: "cafe naive study – ØRSTED s findings", year: 2019)  // Ø has no NFKD decomposition
        let c = ReferenceFields(title: "Cafe naive study: Orsted's findings", year: 2020)
        #expect(DuplicateKey.normalisedTitle(a.title) == "cafenaivestudyørstedsfindings")
        #expect(duplicateKeys(a) == duplicateKeys(b))
        #expect(duplicateKeys(a) != duplicateKeys(c))
        #expect(duplicateKeys(ReferenceFields(title: "日本語の研究")) == ["ty:日本語の研究|"])
    }

    @Test("a record with nothing identifying has no keys; all three kinds appear in order")
    func order() {
        #expect(duplicateKeys(ReferenceFields(title: " — ")).isEmpty)
        let all = ReferenceFields(title: "A b", year: 2001, doi: "10.1/x", pmid: "7")
        #expect(duplicateKeys(all) == ["doi:10.1/x", "pmid:7", "ty:ab|2001"])
    }
}
