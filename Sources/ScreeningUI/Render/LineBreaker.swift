/// Where the lines of sanitized UTF-8 text break at a width: the same greedy word wrapping as
/// `TextWrapper.wrap` (breaks at spaces, around wide glyphs and inside words longer than a line),
/// but it only records each line's byte range, so a 10 MB abstract is measured in one linear pass
/// without building a glyph per character. Runs of ASCII take a fast path; everything else goes
/// through Swift's grapheme breaking (UAX #29) and `ClusterRule`.
struct LineBreaker {
    /// Line starts and ends (byte offsets; the end excludes trailing spaces), in order.
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    let width: Int

    private var lineStart = -1
    private var lineEnd = 0
    private var lineWidth = 0
    private var linesInParagraph = 0
    /// The narrow word being read, while it may still fit on the current line (≤ width + 1 glyphs).
    private var pending: [(start: Int, end: Int, width: Int)] = []
    private var pendingWidth = 0
    /// True once the current word was found too long: its glyphs are then placed one by one.
    private var splitting = false

    init(width: Int) {
        self.width = max(1, width)
    }

    /// Breaks one paragraph (`bytes[range]`, no line breaks inside) into lines (at least one).
    mutating func paragraph(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        linesInParagraph = 0
        var index = range.lowerBound
        let end = range.upperBound
        // A byte < 0x80 followed by a byte < 0x80 (or the end) is a whole grapheme: no UAX #29 rule
        // joins two ASCII characters once CR/LF are gone.
        func isASCIIGrapheme(_ position: Int) -> Bool {
            bytes[position] < 0x80 && (position + 1 == end || bytes[position + 1] < 0x80)
        }
        while index < end {
            if isASCIIGrapheme(index) {
                if bytes[index] == 0x20 {
                    endWord()
                    if lineStart >= 0 { lineWidth += 1 }
                    index += 1
                    continue
                }
                // A whole ASCII word that ends at a space or the paragraph end fits or not as a unit.
                var wordEnd = index
                while wordEnd < end, bytes[wordEnd] != 0x20, isASCIIGrapheme(wordEnd) { wordEnd += 1 }
                if pending.isEmpty, !splitting, wordEnd == end || (bytes[wordEnd] == 0x20 && isASCIIGrapheme(wordEnd)),
                    lineWidth + (wordEnd - index) <= width
                {
                    if lineStart < 0 { lineStart = index }
                    lineWidth += wordEnd - index
                    lineEnd = wordEnd
                    index = wordEnd
                    continue
                }
                while index < wordEnd {
                    narrow(start: index, end: index + 1, width: 1)
                    index += 1
                }
                continue
            }
            // A segment that starts and ends on grapheme boundaries (between two ASCII bytes).
            var segmentEnd = index + 1
            while segmentEnd < end, !(bytes[segmentEnd - 1] < 0x80 && bytes[segmentEnd] < 0x80) { segmentEnd += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<segmentEnd]), as: UTF8.self)
            var position = index
            for character in text {
                let length = character.utf8.count
                if character == " " {
                    endWord()
                    if lineStart >= 0 { lineWidth += 1 }
                } else {
                    let parts = ClusterRule.parts(of: character)
                    for (number, part) in parts.enumerated() where part.width > 0 {
                        let partEnd = number + 1 < parts.count ? position + parts[number + 1].offset : position + length
                        if part.width == 2 {
                            wide(start: position + part.offset, end: partEnd)
                        } else {
                            narrow(start: position + part.offset, end: partEnd, width: part.width)
                        }
                    }
                }
                position += length
            }
            index = segmentEnd
        }
        endWord()
        if lineStart >= 0 || linesInParagraph == 0 { flush(at: end) }
    }

    // MARK: - The greedy machine (TextWrapper.wrapParagraph, one glyph at a time)

    private mutating func append(start: Int, end: Int, width glyphWidth: Int) {
        if lineStart < 0 { lineStart = start }
        lineWidth += glyphWidth
        lineEnd = end
    }

    private mutating func flush(at position: Int) {
        starts.append(lineStart < 0 ? position : lineStart)
        ends.append(lineStart < 0 ? position : lineEnd)
        lineStart = -1
        lineWidth = 0
        linesInParagraph += 1
    }

    /// Places one glyph of a word too long for the line: a new line when it does not fit.
    private mutating func place(start: Int, end: Int, width glyphWidth: Int) {
        if lineWidth + glyphWidth > width { flush(at: start) }
        append(start: start, end: end, width: glyphWidth)
    }

    private mutating func narrow(start: Int, end: Int, width glyphWidth: Int) {
        if splitting {
            place(start: start, end: end, width: glyphWidth)
            return
        }
        pending.append((start, end, glyphWidth))
        pendingWidth += glyphWidth
        guard lineWidth + pendingWidth > width else { return }
        if lineStart >= 0 { flush(at: pending[0].start) }
        for glyph in pending { place(start: glyph.start, end: glyph.end, width: glyph.width) }
        pending.removeAll(keepingCapacity: true)
        pendingWidth = 0
        splitting = true
    }

    /// A wide glyph is a word of its own.
    private mutating func wide(start: Int, end: Int) {
        endWord()
        if lineWidth + 2 <= width {
            append(start: start, end: end, width: 2)
            return
        }
        if lineStart >= 0 { flush(at: start) }
        place(start: start, end: end, width: 2)
    }

    /// The word being read ends: it fitted, so it joins the line.
    private mutating func endWord() {
        if !splitting {
            for glyph in pending { append(start: glyph.start, end: glyph.end, width: glyph.width) }
        }
        pending.removeAll(keepingCapacity: true)
        pendingWidth = 0
        splitting = false
    }
}
