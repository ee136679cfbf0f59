import Foundation
import TestSupport

/// Seeded structured and byte-level mutations of import samples, in the spirit of AFL's "havoc"
/// stage (Zalewski, american fuzzy lop, technical_details.txt): each mutant stacks one to three
/// mutations chosen at random, some blind (bit flips, inserts, deletes) and some aimed at the
/// parsers' structure (tag lines, XML nesting, entities, line ends, gzip framing).
struct InputMutator {
    /// One kind of damage.
    enum Mutation: String, CaseIterable, Sendable {
        case flipBits, setBytes, insertBytes, deleteBytes, duplicateChunk, truncate, dropLines, splice
        case insertTagLine, hugeLine, insertNUL, invalidUTF8, deepXMLNesting, unclosedTags, cdata
        case entityReferences, byteOrderMark, lineEndings, gzipWrap, gzipGarbage
    }

    /// Samples to mutate and splice with (their contents).
    let corpus: [[UInt8]]
    /// Mutants are cut back to this many bytes so one input cannot stall a CI run.
    var maximumSize = 2 << 20

    /// A mutant of `corpus[index]` and the mutations applied, in order.
    func mutant(of index: Int, using rng: inout SplitMix64) -> (bytes: [UInt8], mutations: [Mutation]) {
        var bytes = corpus[index]
        var applied: [Mutation] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let mutation = Mutation.allCases.randomElement(using: &rng) ?? .flipBits
            bytes = apply(mutation, to: bytes, using: &rng)
            applied.append(mutation)
            if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
        }
        return (bytes, applied)
    }

    /// `bytes` damaged by `mutation`.
    func apply(_ mutation: Mutation, to bytes: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var copy = bytes
        switch mutation {
        case .flipBits:
            guard !copy.isEmpty else { return [0x80] }
            for _ in 0..<Int.random(in: 1...16, using: &rng) {
                copy[Int.random(in: 0..<copy.count, using: &rng)] ^= 1 << UInt8.random(in: 0...7, using: &rng)
            }
        case .setBytes:
            guard !copy.isEmpty else { return [UInt8.random(in: 0...255, using: &rng)] }
            for _ in 0..<Int.random(in: 1...20, using: &rng) {
                copy[Int.random(in: 0..<copy.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
        case .insertBytes:
            let random = (0..<Int.random(in: 1...32, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            copy.insert(contentsOf: random, at: offset(in: copy, using: &rng))
        case .deleteBytes:
            guard !copy.isEmpty else { return copy }
            let start = Int.random(in: 0..<copy.count, using: &rng)
            copy.removeSubrange(start..<min(copy.count, start + Int.random(in: 1...64, using: &rng)))
        case .duplicateChunk:
            guard !copy.isEmpty else { return copy }
            let start = Int.random(in: 0..<copy.count, using: &rng)
            let chunk = copy[start..<min(copy.count, start + Int.random(in: 1...4096, using: &rng))]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                copy.insert(contentsOf: chunk, at: offset(in: copy, using: &rng))
            }
        case .truncate:
            copy.removeLast(copy.count - Int.random(in: 0...copy.count, using: &rng))
        case .dropLines:
            var lines = copy.split(separator: 0x0A, omittingEmptySubsequences: false)
            for _ in 0..<Int.random(in: 1...10, using: &rng) where lines.count > 1 {
                lines.remove(at: Int.random(in: 0..<lines.count, using: &rng))
            }
            copy = Array(lines.joined(separator: [0x0A]))
        case .splice:
            let other = corpus.randomElement(using: &rng) ?? []
            copy = Array(copy.prefix(offset(in: copy, using: &rng)) + other.suffix(offset(in: other, using: &rng)))
        case .insertTagLine:
            let line = Self.tagLines.randomElement(using: &rng) ?? ""
            copy.insert(contentsOf: Array((line + "\n").utf8), at: lineStart(in: copy, using: &rng))
        case .hugeLine:
            let tag =
                ["AB  - ", "AB  - ", "      ", "TI ", "<AbstractText>", "\"", ""].randomElement(using: &rng) ?? ""
            let filler = ([0x78, 0x20, 0x2C, 0x22, 0x3C] as [UInt8]).randomElement(using: &rng) ?? 0x78
            let line =
                Array(tag.utf8) + [UInt8](repeating: filler, count: Int.random(in: 1 << 16...1 << 18, using: &rng))
            copy.insert(
                contentsOf: line + (Bool.random(using: &rng) ? [0x0A] : []), at: lineStart(in: copy, using: &rng))
        case .insertNUL:
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                copy.insert(0, at: offset(in: copy, using: &rng))
            }
        case .invalidUTF8:
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let sequence = Self.invalidSequences.randomElement(using: &rng) ?? [0xFF]
                copy.insert(contentsOf: sequence, at: offset(in: copy, using: &rng))
            }
        case .deepXMLNesting:
            let depth = Int.random(in: 100...20_000, using: &rng)
            let name = ["a", "AbstractText", "PubmedArticle", "i"].randomElement(using: &rng) ?? "a"
            var nested = Array(String(repeating: "<\(name)>", count: depth).utf8)
            if Bool.random(using: &rng) { nested += Array(String(repeating: "</\(name)>", count: depth).utf8) }
            copy.insert(contentsOf: nested, at: offset(in: copy, using: &rng))
        case .unclosedTags:
            let opening = Self.openingTags.randomElement(using: &rng) ?? "<a>"
            copy.insert(contentsOf: Array(opening.utf8), at: offset(in: copy, using: &rng))
        case .cdata:
            let start = offset(in: copy, using: &rng)
            copy.insert(contentsOf: Array("<![CDATA[".utf8), at: start)
            if Bool.random(using: &rng) {
                copy.insert(contentsOf: Array("]]>".utf8), at: Int.random(in: start...copy.count, using: &rng))
            }
        case .entityReferences:
            let reference = Self.entityReferences.randomElement(using: &rng) ?? "&amp;"
            copy.insert(contentsOf: Array(reference.utf8), at: offset(in: copy, using: &rng))
        case .byteOrderMark:
            let mark = Self.byteOrderMarks.randomElement(using: &rng) ?? [0xEF, 0xBB, 0xBF]
            copy.insert(contentsOf: mark, at: Bool.random(using: &rng) ? 0 : offset(in: copy, using: &rng))
        case .lineEndings:
            copy = Self.changeLineEndings(copy, using: &rng)
        case .gzipWrap:
            copy = GzipEncoder.storedMembers(copy, using: &rng)
        case .gzipGarbage:
            let header: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]
            let garbage = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            copy = header + garbage + (Bool.random(using: &rng) ? copy : [])
        }
        return copy
    }

    private func offset(in bytes: [UInt8], using rng: inout SplitMix64) -> Int {
        Int.random(in: 0...bytes.count, using: &rng)
    }

    /// The start of a random line (or the end of the content).
    private func lineStart(in bytes: [UInt8], using rng: inout SplitMix64) -> Int {
        var position = offset(in: bytes, using: &rng)
        while position > 0, bytes[position - 1] != 0x0A { position -= 1 }
        return position
    }

    /// LF to CRLF, LF to CR, or a random mix of the three line ends.
    private static func changeLineEndings(_ bytes: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        let style = Int.random(in: 0...2, using: &rng)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            guard byte == 0x0A else {
                result.append(byte)
                continue
            }
            switch style == 2 ? Int.random(in: 0...2, using: &rng) : style {
            case 0: result += [0x0D, 0x0A]
            case 1: result.append(0x0D)
            default: result.append(0x0A)
            }
        }
        return result
    }

    /// Lines that start, end or continue records in the supported formats (and some look-alikes).
    static let tagLines = [
        "TY  - JOUR", "ER  - ", "TY  - ", "ER  -", "PMID- 12345678", "PMID- ", "AB  - ", "TI  - ", "AU  - ",
        "KW  - a", "      continued", "   continued", "PT J", "ER", "EF", "FN Clarivate Analytics Web of Science",
        "VR 1.0", "AU Doe, J", "TI x", "1.", "title,abstract", "\"title\",\"abstract\",\"label_included\"",
        "<PubmedArticle>", "</PubmedArticle>", "<PubmedArticleSet>", "</PubmedArticleSet>", "Y1  - 2020///",
        "PY  - 99999999999999999999", "DP  - 2020 Jan", "SP  - 9223372036854775807", "DA  - -1",
    ]

    /// Ill-formed UTF-8: bad continuation, surrogate, above U+10FFFF, overlong, lone bytes, cut sequence.
    static let invalidSequences: [[UInt8]] = [
        [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xFF], [0xFE],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ]

    /// Start tags left open (PubMed structure and arbitrary ones), and processing instructions.
    static let openingTags = [
        "<PubmedArticle>", "<PubmedArticleSet>", "<MedlineCitation><Article><ArticleTitle>", "<AbstractText Label=\"",
        "<a", "</", "<!--", "<?xml version=\"1.0\"", "<!DOCTYPE PubmedArticleSet [", "<Author><LastName>", "<?pi?>",
        "<?pi data?>",
    ]

    /// Character and entity references, valid and invalid (undeclared, out of range, NUL).
    static let entityReferences = [
        "&amp;", "&lt;", "&#x10FFFF;", "&#x110000;", "&#0;", "&#xD800;", "&undeclared;", "&", "&#", "&#99999999999999;",
    ]

    /// UTF-8, UTF-16 LE/BE and UTF-32 LE byte order marks.
    static let byteOrderMarks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0, 0]]
}
