/// Splits one line of an Ovid or PubMed search into tokens for `BooleanQueryParser`.
/// Never fails: characters it does not understand end the current word.
struct BooleanQueryLexer {
    /// One lexical token.
    enum Token: Equatable {
        case open, close, slash, comma
        /// A bare word, possibly with truncation marks (`diagnos$`, `*Dementia`, `t-stag*`).
        case word(String)
        /// A quoted phrase.
        case quoted(String)
        /// An Ovid field suffix such as `.ti,ab.` (the codes, lowercased).
        case field([String])
        /// A PubMed/Ovid bracket tag such as `[tiab]` or `[Diagnostic Use]` (lowercased content).
        case bracket(String)
    }

    static func tokens(_ line: String) -> [Token] {
        let chars = Array(line)
        var tokens: [Token] = []
        var index = 0
        while index < chars.count {
            let c = chars[index]
            switch c {
            case _ where c.isWhitespace: index += 1
            case "(": tokens.append(.open); index += 1
            case ")": tokens.append(.close); index += 1
            case "/": tokens.append(.slash); index += 1
            case ",", ";": tokens.append(.comma); index += 1
            case "\"", "\u{201C}", "\u{201D}":
                var end = index + 1
                while end < chars.count, !"\"\u{201C}\u{201D}".contains(chars[end]) { end += 1 }
                tokens.append(.quoted(String(chars[(index + 1)..<min(end, chars.count)])))
                index = end + 1
            case "[":
                var end = index + 1
                while end < chars.count, chars[end] != "]" { end += 1 }
                tokens.append(.bracket(String(chars[(index + 1)..<min(end, chars.count)]).lowercased()))
                index = end + 1
            case ".":
                if let (codes, next) = fieldTag(chars, at: index) {
                    tokens.append(.field(codes))
                    index = next
                } else {
                    index += 1
                }
            default:
                var end = index
                while end < chars.count, !isBreak(chars[end]) {
                    if chars[end] == ".", fieldTag(chars, at: end) != nil { break }
                    if chars[end] == ".", !(end + 1 < chars.count && chars[end + 1].isNumber) { break }
                    end += 1
                }
                if end == index { end += 1 }
                tokens.append(.word(String(chars[index..<end])))
                index = end
            }
        }
        return tokens
    }

    private static func isBreak(_ c: Character) -> Bool {
        c.isWhitespace || "()/,;\"[]\u{201C}\u{201D}".contains(c)
    }

    /// Matches `.xx.` or `.xx,yy,zz.` (2–3 letter codes) at `index`.
    private static func fieldTag(_ chars: [Character], at index: Int) -> ([String], Int)? {
        guard index < chars.count, chars[index] == "." else { return nil }
        var codes: [String] = []
        var position = index + 1
        while true {
            var code = ""
            while position < chars.count, chars[position].isLetter, code.count < 4 {
                code.append(chars[position])
                position += 1
            }
            guard (2...3).contains(code.count) else { return nil }
            codes.append(code.lowercased())
            guard position < chars.count else { return nil }
            if chars[position] == "." { return (codes, position + 1) }
            guard chars[position] == "," else { return nil }
            position += 1
        }
    }
}
