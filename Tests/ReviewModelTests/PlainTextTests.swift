import Testing

@testable import ReviewModel

@Suite("Markup made plain")
struct PlainTextTests {
    @Test(
        "tags go, entities are decoded, a lone < stays",
        arguments: [
            ("CO<sub>2</sub> uptake", "CO2 uptake"),
            (
                "<jats:title>Abstract</jats:title><jats:p>Background: x.</jats:p><jats:p>Methods: y.</jats:p>",
                "Abstract Background: x. Methods: y."
            ),
            ("<i>In vivo</i> and <b>in vitro</b>", "In vivo and in vitro"),
            ("<AbstractText Label=\"RESULTS\">p < 0.05</AbstractText>", "p < 0.05"),
            ("x<y and y>z", "x<y and y>z"),
            ("AT&T &amp; M&amp;M &lt;3 &#8211; &#x2013; &ge;2", "AT&T & M&M <3 – – ≥2"),
            ("unknown &foo; kept", "unknown &foo; kept"),
            ("no markup at all", "no markup at all"),
        ])
    func plain(input: String, expected: String) {
        #expect(PlainText.of(input) == expected)
    }

    @Test("a title with markup gets the duplicate key of the same title without it")
    func duplicateKeys() {
        let tagged = ReferenceFields(title: "Effect of CO<sub>2</sub> on <i>Arabidopsis</i> growth rates", year: 2020)
        let plain = ReferenceFields(title: "Effect of CO2 on Arabidopsis growth rates", year: 2020)
        #expect(tagged.duplicateKeys == plain.duplicateKeys)
    }

    @Test("property: plain text never grows and is idempotent on random markup", arguments: 0..<10)
    func idempotent(seed: UInt64) {
        var state = seed &+ 1
        let pieces = ["<p>", "</p>", "<sub>", "x", " ", "&amp;", "&", "<", ">", "a<b", "&#65;", "<jats:p>", "&lt;"]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let once = PlainText.of(text)
            #expect(once.count <= text.count)
            #expect(!once.contains("<p>") && !once.contains("<sub>") && !once.contains("<jats:p>"))
        }
    }
}
