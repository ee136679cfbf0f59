import Testing

@testable import Reports

@Suite("Escaping and number formatting")
struct TextEscapingTests {
    @Test("XML escaping replaces the five special characters and drops forbidden controls")
    func xml() {
        #expect(TextEscaping.xml("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
        #expect(TextEscaping.xml("bell\u{7}tab\t") == "belltab\t")
        #expect(TextEscaping.xml("Müller–Hansen ≥ 95%") == "Müller–Hansen ≥ 95%")
    }

    @Test("CSV fields are quoted only when needed, quotes doubled")
    func csv() {
        #expect(TextEscaping.csvLine(["a", "b,c", "say \"hi\"", "x\ny"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n")
    }

    @Test("Numbers drop trailing zeros and negative zero")
    func numbers() {
        #expect(TextEscaping.number(1.50) == "1.5")
        #expect(TextEscaping.number(2.0) == "2")
        #expect(TextEscaping.number(-0.001) == "0")
        #expect(TextEscaping.number(0.12345, digits: 3) == "0.123")
    }

    @Test("Axis ticks are nice numbers covering the range")
    func ticks() {
        let axis = AxisScale(lower: 0, upper: 1993, targetTicks: 7)
        #expect(axis.step == 500)
        #expect(axis.ticks == [0, 500, 1000, 1500, 2000])
        let recall = AxisScale(lower: 0, upper: 1, targetTicks: 6, style: .percent)
        #expect(recall.ticks.map(recall.label) == ["0%", "20%", "40%", "60%", "80%", "100%"])
        #expect(AxisScale(lower: 0, upper: 25_000).label(20_000) == "20\u{2009}000")
        #expect(AxisScale(lower: 0, upper: 0.3).step == 0.1)
        #expect(AxisScale(lower: 0, upper: 0.1).label(0.04) == "0.04")
    }
}
