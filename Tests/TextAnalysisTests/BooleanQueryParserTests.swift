import Foundation
import TestSupport
import Testing
@testable import TextAnalysis

@Suite("Boolean query parser")
struct BooleanQueryParserTests {
    let parser = BooleanQueryParser()

    func texts(_ query: WeightedQuery) -> [String: Double] {
        var result: [String: Double] = [:]
        for term in query.terms {
            switch term.kind {
            case .text(let text): result[text.lowercased()] = term.weight
            case .pattern(let pattern): result[pattern.lowercased()] = term.weight
            }
        }
        return result
    }

    @Test("reads Ovid lines: field tags, headings, truncation, combination and limit lines")
    func ovidLines() {
        let query = """
            Kidney Transplantation/

            exp Renal Dialysis/

            (hemodiafilt$ or haemodiafilt$).tw.

            Dipyridamole/du [Diagnostic Use]

            Gerber C.au.

            or/1-4

            limit 6 to english language
            """
        let terms = texts(parser.parse(query))
        #expect(terms["kidney transplantation"] == parser.headingWeight)
        #expect(terms["renal dialysis"] == parser.headingWeight)
        #expect(terms["hemodiafilt$"] == 1)
        #expect(terms["haemodiafilt$"] == 1)
        #expect(terms["dipyridamole"] == parser.headingWeight)
        #expect(terms["gerber c"] == nil)
        #expect(terms.keys.allSatisfy { !$0.contains("english") && !$0.contains("limit") })
        #expect(terms.count == 5)
    }

    @Test("adj joins its neighbours into a phrase and NEAR/n keeps both sides")
    func proximity() {
        let terms = texts(parser.parse("(coronary adj disease).tw.\n(heart NEAR/2 failure)"))
        #expect(terms["coronary disease"] != nil)
        #expect(terms["coronary"] == 1 && terms["disease"] == 1)
        #expect(terms["heart"] == 1 && terms["failure"] == 1)
        #expect(terms["2"] == nil)
    }

    @Test("lines referenced after NOT and terms under NOT are dropped")
    func negation() {
        let terms = texts(parser.parse("cancer.tw.\nanimals/\n1 not 2\nfish not (cat or dog)"))
        #expect(terms["cancer"] == 1)
        #expect(terms["animals"] == nil)
        #expect(terms["fish"] == 1)
        #expect(terms["cat"] == nil && terms["dog"] == nil)
    }

    @Test("reads PubMed tags, quoted phrases and drops author and language tags")
    func pubMed() {
        let query =
            #"("heart attack"[tiab] OR "Myocardial Infarction"[MeSH Terms]) AND english[lang] NOT Smith J[au] AND dement*[tiab]"#
        let terms = texts(parser.parse(query))
        #expect(terms["heart attack"] == 1)
        #expect(terms["myocardial infarction"] == parser.headingWeight)
        #expect(terms["english"] == nil)
        #expect(terms["smith j"] == nil)
        #expect(terms["dement*"] == 1)
    }

    @Test(
        "parses the four CLEF 2017 dev topics into useful terms",
        arguments: ["CD007427", "CD008691", "CD009944", "CD010632"])
    func clefTopics(topic: String) throws {
        let data = try Data(contentsOf: TestData.fixture("benchmark/clef17-\(topic).topic.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let query = try #require(object?["query"] as? String)
        let terms = texts(parser.parse(query))
        #expect(terms.count >= 10)
        // No combination operators, line numbers or field codes leak into terms.
        for term in terms.keys {
            #expect(!["or", "and", "not", "adj", "adj3", "tw", "mp"].contains(term))
            #expect(Int(term) == nil)
        }
    }

    @Test("random garbage never crashes and yields at most words", arguments: 0..<40)
    func garbage(seed: Int) {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("ab$*?#()[]\"/.,;: \n\t-'01adjNEARornotexp.ti,ab.[tiab]é€😀")
        var text = ""
        for _ in 0..<200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
        }
        let query = parser.parse(text)
        let index = TermIndex(documents: ["ab abc", "ti adj"])
        let resolved = BM25Index(index: index).resolve(query)
        #expect(resolved.allSatisfy { $0.weight > 0 && $0.weight <= 1 })
    }
}
