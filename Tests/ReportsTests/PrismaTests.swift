import Testing

@testable import Reports

@Suite("PRISMA 2020 title/abstract counts")
struct PrismaTests {
    static let counts = PrismaCounts(
        sources: [
            PrismaCounts.Source(name: "MEDLINE via Ovid (medline-2024-03.txt)", count: 812),
            PrismaCounts.Source(name: "Embase & CINAHL <export>", count: 655),
            PrismaCounts.Source(name: "Citation searching", count: 31),
        ],
        duplicatesRemoved: 298, screened: 1000, excluded: 870,
        exclusionReasons: [
            PrismaCounts.Reason(reason: "Wrong population", count: 410),
            PrismaCounts.Reason(
                reason: "Not a randomised controlled trial (e.g. cohort, case series, \"pilot\")", count: 300),
        ],
        included: 96, maybe: 34, notYetScreened: 200)

    @Test("Consistent counts pass the check; inconsistent ones name what is off")
    func check() throws {
        try Self.counts.check()
        #expect(Self.counts.identified == 1498)
        #expect(Self.counts.excludedWithoutReason == 160)
        var broken = Self.counts
        broken.included = 90
        #expect(
            throws: ReportsError.inconsistentCounts("screened 1000 ≠ excluded 870 + included 90 + maybe 34")
        ) { try broken.check() }
        broken = Self.counts
        broken.duplicatesRemoved = 0
        #expect(throws: ReportsError.self) { try broken.check() }
    }

    @Test("Text and CSV carry every box line")
    func textAndCSV() {
        Snapshot.assertMatches(Self.counts.text(), named: "prismaText.txt")
        let csv = Self.counts.csv()
        Snapshot.assertMatches(csv, named: "prismaCSV.csv")
        #expect(csv.contains("screening,records_excluded,no reason recorded,160\n"))
        #expect(csv.contains("identification,records_identified,\"Embase & CINAHL <export>\",655\n") == false)
        #expect(csv.contains("identification,records_identified,Embase & CINAHL <export>,655\n"))
    }

    @Test("The flow diagram is well-formed XML with escaped source names, pinned by a golden file")
    func diagram() {
        let svg = PrismaFlowDiagram(counts: Self.counts).svg()
        #expect(Snapshot.isWellFormedXML(svg))
        #expect(svg.contains("Embase &amp; CINAHL &lt;export&gt; (n = 655)"))
        let names = Snapshot.elementNames(svg)
        #expect(names.filter { $0 == "rect" }.count == 1 + 7 + 2)  // background, boxes, phase labels
        Snapshot.assertMatches(svg, named: "prismaDiagram.svg")
    }
}
