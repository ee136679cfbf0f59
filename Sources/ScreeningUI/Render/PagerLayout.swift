/// A record's text laid out for the pager at one width, without building its glyphs: each block's
/// sanitized UTF-8 bytes plus the byte range of every wrapped line. Made once per record and width
/// (one linear pass); drawing then costs only the visible lines (`lines(_:highlighter:)`).
public final class PagerLayout: Sendable {
    /// A piece of pager text: a title, metadata, the abstract, a blank separator…
    public struct Block: Sendable, Equatable {
        /// The untrusted text.
        public var text: String
        /// Its style before highlighting.
        public var style: Style
        /// Whether term highlighting applies.
        public var highlight: Bool
        /// Whether line breaks in the text start new paragraphs (otherwise they become spaces).
        public var keepNewlines: Bool

        /// Creates a block.
        public init(_ text: String, _ style: Style = .plain, highlight: Bool = false, keepNewlines: Bool = false) {
            self.text = text
            self.style = style
            self.highlight = highlight
            self.keepNewlines = keepNewlines
        }
    }

    /// A laid-out block: clean bytes, line ranges, and the first line of each paragraph.
    struct Laid: Sendable {
        var bytes: [UInt8]
        var style: Style
        var highlight: Bool
        var starts: [Int]
        var ends: [Int]
        var paragraphFirstLines: [Int]
        /// Index of this block's first line in the whole layout.
        var firstLine: Int
    }

    /// Paragraphs longer than this many lines are highlighted a window at a time.
    static let wholeParagraphLines = 200
    /// Lines of context on each side of the visible ones when highlighting a window.
    static let contextLines = 3

    let blocks: [Laid]
    /// Total number of lines.
    public let lineCount: Int
    /// The text width the layout was made for.
    public let width: Int

    /// Lays out blocks at a text width (cells).
    public init(_ blocks: [Block], width: Int) {
        self.width = max(1, width)
        var laid: [Laid] = []
        var total = 0
        for block in blocks {
            let bytes = TextSanitizer.cleanUTF8(block.text, keepNewlines: block.keepNewlines) ?? Array(block.text.utf8)
            var breaker = LineBreaker(width: self.width)
            var firstLines: [Int] = []
            bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                for index in 0...buffer.count where index == buffer.count || buffer[index] == 0x0A {
                    firstLines.append(breaker.starts.count)
                    breaker.paragraph(buffer, start..<index)
                    start = index + 1
                }
            }
            laid.append(
                Laid(
                    bytes: bytes, style: block.style, highlight: block.highlight, starts: breaker.starts,
                    ends: breaker.ends, paragraphFirstLines: firstLines, firstLine: total))
            total += breaker.starts.count
        }
        self.blocks = laid
        lineCount = total
    }

    /// The glyphs of lines `range` (clamped to the layout), highlighted. Highlighting sees each
    /// paragraph whole, or for very long paragraphs the visible lines with `contextLines` around them.
    public func lines(_ range: Range<Int>, highlighter: Highlighter) -> [[Glyph]] {
        let lower = min(max(0, range.lowerBound), lineCount)
        let wanted = lower..<max(lower, min(lineCount, range.upperBound))
        guard !wanted.isEmpty else { return [] }
        var result: [[Glyph]] = []
        result.reserveCapacity(wanted.count)
        var line = wanted.lowerBound
        while line < wanted.upperBound {
            let block = blocks[blockIndex(containing: line)]
            let local = line - block.firstLine
            let paragraph = Self.lastIndex(in: block.paragraphFirstLines, notAfter: local)
            let paragraphStart = block.paragraphFirstLines[paragraph]
            let paragraphEnd =
                paragraph + 1 < block.paragraphFirstLines.count
                ? block.paragraphFirstLines[paragraph + 1] : block.starts.count
            let lastWanted = min(paragraphEnd, wanted.upperBound - block.firstLine)
            var context = paragraphStart..<paragraphEnd
            if !block.highlight || highlighter.isEmpty {
                context = local..<lastWanted
            } else if context.count > Self.wholeParagraphLines {
                context =
                    max(paragraphStart, local - Self.contextLines)..<min(paragraphEnd, lastWanted + Self.contextLines)
            }
            let glyphs = Self.glyphs(block, context, highlighter: highlighter)
            result.append(contentsOf: glyphs[(local - context.lowerBound)..<(lastWanted - context.lowerBound)])
            line = block.firstLine + lastWanted
        }
        return result
    }

    /// The lines of `context` (block-local), highlighted together: the text between lines (spaces)
    /// joins them so words and terms are seen as in the running text.
    static func glyphs(_ block: Laid, _ context: Range<Int>, highlighter: Highlighter) -> [[Glyph]] {
        func text(_ from: Int, _ to: Int) -> String {
            block.bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[from..<max(from, to)]), as: UTF8.self)
            }
        }
        var lines = context.map { Glyph.make(text(block.starts[$0], block.ends[$0]), style: block.style) }
        guard block.highlight, !highlighter.isEmpty else { return lines }
        var joined: [Glyph] = []
        var bounds: [Range<Int>] = []
        for (offset, line) in zip(context, lines) {
            if offset > context.lowerBound {
                joined += Glyph.make(text(block.ends[offset - 1], block.starts[offset]), style: block.style)
            }
            bounds.append(joined.count..<(joined.count + line.count))
            joined += line
        }
        highlighter.apply(to: &joined)
        if block.style.attributes.contains(.bold) {
            for index in joined.indices { joined[index].style = joined[index].style.adding(.bold) }
        }
        lines = bounds.map { Array(joined[$0]) }
        return lines
    }

    /// The block holding a line (blocks are few; the last one whose first line is not after it).
    func blockIndex(containing line: Int) -> Int {
        var index = 0
        while index + 1 < blocks.count, blocks[index + 1].firstLine <= line { index += 1 }
        return index
    }

    /// Index of the last element ≤ `value` in a sorted array starting with 0 (binary search).
    static func lastIndex(in sorted: [Int], notAfter value: Int) -> Int {
        var low = 0, high = sorted.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if sorted[mid] <= value { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
