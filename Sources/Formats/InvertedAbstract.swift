import Foundation

/// OpenAlex stores abstracts as an inverted index, `{"word": [position, …], …}` (OpenAlex API
/// documentation, "Work object: abstract_inverted_index"); its CSV exports carry that JSON (or
/// pandas' Python-literal spelling of it, with single quotes) in one cell.
enum InvertedAbstract {
    /// The abstract rebuilt by placing every word at its positions; nil when `text` is not an
    /// inverted index or holds no words.
    static func text(fromJSON text: String) -> String? {
        var scanner = LiteralScanner(Array(text.unicodeScalars))
        guard let positions = scanner.invertedIndex(), !positions.isEmpty else { return nil }
        var words: [Int: String] = [:]
        for (word, places) in positions {
            for place in places where place >= 0 && place < 1_000_000 { words[place] = word }
        }
        let text = words.keys.sorted().compactMap { words[$0] }.joined(separator: " ")
        return FieldNormalisation.nonEmpty(text)
    }

    /// The author names of an OpenAlex `authorships` JSON array (`author.display_name`, or
    /// `raw_author_name`), in order.
    static func authorNames(fromJSON text: String) -> [String] {
        guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            return []
        }
        return array.compactMap { authorship in
            let author = authorship["author"] as? [String: Any]
            return FieldNormalisation.nonEmpty(
                author?["display_name"] as? String ?? authorship["raw_author_name"] as? String)
        }
    }

    /// Reads `{key: [int, …], …}` with keys in double (JSON) or single (Python) quotes.
    private struct LiteralScanner {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func invertedIndex() -> [(String, [Int])]? {
            var result: [(String, [Int])] = []
            guard take("{") else { return nil }
            if take("}") { return result }
            repeat {
                guard let key = string(), take(":"), take("[") else { return nil }
                var places: [Int] = []
                if !take("]") {
                    repeat {
                        guard let number = integer() else { return nil }
                        places.append(number)
                    } while take(",")
                    guard take("]") else { return nil }
                }
                result.append((key, places))
            } while take(",")
            return take("}") ? result : nil
        }

        private mutating func skipSpace() {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        }

        private mutating func take(_ character: Unicode.Scalar) -> Bool {
            skipSpace()
            guard position < scalars.count, scalars[position] == character else { return false }
            position += 1
            return true
        }

        private mutating func integer() -> Int? {
            skipSpace()
            var value = 0
            var digits = 0
            while position < scalars.count, let digit = Int(String(scalars[position])), digits < 9 {
                value = value * 10 + digit
                digits += 1
                position += 1
            }
            return digits > 0 ? value : nil
        }

        private mutating func string() -> String? {
            skipSpace()
            guard position < scalars.count, scalars[position] == "\"" || scalars[position] == "'" else { return nil }
            let quote = scalars[position]
            position += 1
            var result = String.UnicodeScalarView()
            while position < scalars.count {
                let scalar = scalars[position]
                position += 1
                if scalar == quote { return String(result) }
                guard scalar == "\\", position < scalars.count else {
                    result.append(scalar)
                    continue
                }
                let escaped = scalars[position]
                position += 1
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "u", "x":
                    let length = escaped == "u" ? 4 : 2
                    guard position + length <= scalars.count,
                        let code = UInt32(
                            String(String.UnicodeScalarView(scalars[position..<position + length])), radix: 16)
                    else { return nil }
                    position += length
                    result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: result.append(escaped)
                }
            }
            return nil
        }
    }
}
