import Foundation
import Testing

@testable import Reports
@testable import Stopping

/// The lead's figures at 0, 3, 150 and all decisions of a 1,310-record review with a long title:
/// every label inside the canvas (and, in PRISMA, inside its box), no label over another, text
/// measured in DejaVu Sans; each figure pinned by a golden SVG and rendered to PNG by rsvg-convert.
@Suite("Figure layout")
struct FigureLayoutTests {
    static let pool = 1_310
    static let title =
        "Cardiac testing for coronary artery disease in potential kidney transplant recipients, "
        + "a Cochrane diagnostic test accuracy review with a long title: includes found"

    /// 67 includes, most found early (a good ranking): include k at position ⌊k^1.6⌋.
    static func history(screened: Int) throws -> ScreeningHistory {
        let positions = Set((0..<67).map { Int(pow(Double($0), 1.6)) })
        return try ScreeningHistory(poolSize: pool, relevant: (0..<screened).map { positions.contains($0) })
    }

    static func curve(screened: Int) throws -> String {
        let history = try history(screened: screened)
        let rules: [any StoppingRule] = [
            try HypergeometricStoppingRule(), try ConsecutiveExcludesRule(), try KneeStoppingRule(),
        ]
        let firings = try rules.compactMap { rule -> RuleFiring? in
            let outcome = try StoppingReplay.replay(history, totalRelevant: 67, rules: [rule]).first
            return outcome?.stoppedAt.map { RuleFiring(ruleLabel: outcome!.ruleLabel, screened: $0) }
        }
        return try RecallCurve(title: title, history: history, firings: firings, band: try HypergeometricStoppingRule())
            .svg()
    }

    static func prisma(screened: Int) -> String {
        let history = try? history(screened: screened)
        let included = history?.relevantFound ?? 0
        let excluded = screened - included
        var counts = PrismaCounts(
            sources: [
                .init(
                    name: "pubmed-search-2024-cardiac-kidney-transplant-candidates-full-export.nbib (medline)",
                    count: 1_200),
                .init(name: "embase.ris (ris)", count: 130),
            ],
            duplicatesRemoved: 20, screened: screened, excluded: excluded,
            exclusionReasons: excluded > 10
                ? [
                    .init(reason: "wrong population: adults without kidney failure", count: 7),
                    .init(reason: "wrong study design", count: 3),
                ] : [],
            included: included, maybe: 0, notYetScreened: pool - screened)
        counts.dualScreening = .init(screenedByTwo: screened, conflictsResolved: screened / 10)
        return PrismaFlowDiagram(counts: counts).svg()
    }

    static func expectLaidOut(_ svg: String, name: String, insideBoxes: Bool) throws {
        let layout = try #require(SVGTextLayout(svg: svg), "\(name) is not well-formed XML")
        #expect(!layout.texts.isEmpty)
        for text in layout.texts {
            #expect(layout.canvas.contains(text.box), "\(name): \(text) leaves the \(layout.canvas) canvas")
            if insideBoxes, !text.content.hasPrefix("PRISMA") {
                #expect(
                    layout.rects.contains { $0 != layout.canvas && $0.contains(text.box, tolerance: -2) },
                    "\(name): \(text) is not inside a box")
            }
        }
        for (a, b) in layout.overlaps { Issue.record("\(name): \(a) overlaps \(b)") }
    }

    @Test("recall curve: labels inside the canvas, none over another", arguments: [0, 3, 150, pool])
    func curveLayout(screened: Int) throws {
        let svg = try Self.curve(screened: screened)
        try Self.expectLaidOut(svg, name: "curve at \(screened)", insideBoxes: false)
        Snapshot.assertMatches(svg, named: "curve-\(screened).svg")
        try Self.expectRenders(svg, name: "curve-\(screened)")
    }

    @Test("PRISMA: every label inside its box and the canvas, none over another", arguments: [0, 3, 150, pool])
    func prismaLayout(screened: Int) throws {
        let svg = Self.prisma(screened: screened)
        try Self.expectLaidOut(svg, name: "PRISMA at \(screened)", insideBoxes: true)
        Snapshot.assertMatches(svg, named: "prisma-\(screened).svg")
        try Self.expectRenders(svg, name: "prisma-\(screened)")
    }

    @Test("a long title wraps to two lines, then ends in an ellipsis inside the canvas")
    func titles() throws {
        let lines = FontMetrics.wrap(Self.title + " " + Self.title, size: 17, weight: .bold, maxWidth: 736, maxLines: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { FontMetrics.width($0, size: 17, weight: .bold) <= 736 })
        #expect(FontMetrics.wrap("short", size: 17, maxWidth: 736, maxLines: 2) == ["short"])
        // DejaVu Sans: "Records" at 13 px is 52.5 px wide (advances 1423+1260+1126+1253+842+1300+1067 units).
        #expect(abs(FontMetrics.width("Records", size: 13) - 8_271.0 / 2048 * 13) < 1e-9)
    }

    /// rsvg-convert (librsvg2-bin, installed by Scripts/install-deps.sh) must render the SVG to a PNG.
    static func expectRenders(_ svg: String, name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-figures-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("\(name).svg")
        let output = directory.appendingPathComponent("\(name).png")
        try Data(svg.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["rsvg-convert", "--format", "png", "--output", output.path, input.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "rsvg-convert failed on \(name)")
        let png = try Data(contentsOf: output)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name).png is not a PNG")
    }
}

@Suite("SVG text layout check")
struct SVGTextLayoutTests {
    @Test("text off the canvas, overlapping text and rotated labels are measured as drawn")
    func measures() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" font-size="10">
              <text x="150" y="20">A label far too long for the canvas</text>
              <g font-size="12"><text x="10" y="60">overlap</text><text x="30" y="62" font-weight="bold">here</text></g>
              <text x="185" y="60" text-anchor="middle" transform="rotate(-90 185 60)">Identification</text>
            </svg>
            """
        let layout = try #require(SVGTextLayout(svg: svg))
        #expect(layout.texts.count == 4)
        #expect(!layout.canvas.contains(layout.texts[0].box))
        #expect(layout.overlaps.count == 1)
        let rotated = layout.texts[3].box
        #expect(rotated.maxY - rotated.minY > rotated.maxX - rotated.minX)  // runs up the page
        #expect(abs((rotated.maxY - rotated.minY) - FontMetrics.width("Identification", size: 10)) < 1e-9)
        #expect(SVGTextLayout(svg: "not svg <<<") == nil)
    }
}
