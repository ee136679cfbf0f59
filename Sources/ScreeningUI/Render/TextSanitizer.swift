/// Makes untrusted text (record fields, notes, search input) safe to draw: removes terminal escape
/// sequences (CSI, OSC, DCS, APC, PM, SOS, two-byte ESC, and their C1 forms), C0/C1 control
/// characters and bidirectional overrides; tabs become spaces; line breaks become `\n` or spaces.
///
/// Sequence grammar from ECMA-48 §5.3–5.6 (control strings end at BEL or ST).
public enum TextSanitizer {
    /// The cleaned text. With `keepNewlines`, CR/LF/CRLF/NEL/U+2028/U+2029 become `\n`; otherwise a space.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        guard let bytes = cleanUTF8(text, keepNewlines: keepNewlines) else { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a character contains a C0/C1 control or DEL scalar.
    public static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
    }

    static func skipEscape(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.popFirst() else { return }
        switch next {
        case "[": skipCSI(&scalars)
        case "]", "P", "X", "^", "_": skipControlString(&scalars)
        default:
            // nF sequences: intermediates 0x20–0x2F then one final byte.
            if next.value >= 0x20 && next.value <= 0x2F {
                while let first = scalars.first, first.value >= 0x20 && first.value <= 0x2F { scalars.removeFirst() }
                if !scalars.isEmpty { scalars.removeFirst() }
            }
        }
    }

    static func skipCSI(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        // Parameter and intermediate bytes 0x20–0x3F, then a final byte 0x40–0x7E.
        while let scalar = scalars.popFirst() {
            if scalar.value >= 0x40 && scalar.value <= 0x7E { return }
            if scalar.value < 0x20 || scalar.value > 0x7E { return }
        }
    }

    static func skipControlString(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = scalars.popFirst() {
            if scalar.value == 0x07 || scalar.value == 0x9C { return }
            if scalar.value == 0x1B {
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            }
        }
    }
}

extension TextSanitizer {
    /// Text for line-oriented terminal output (`tarsier list`, `show`): every control character made
    /// visible instead of acting on the terminal. C0 controls and DEL become their Unicode control
    /// pictures (ESC → `␛`, so `␛[31m` shows what the field holds), C1 controls and bidirectional
    /// controls become `<U+XXXX>`, tabs become spaces. Line breaks (CR, LF, CRLF, NEL, U+2028, U+2029)
    /// become `\n` with `keepNewlines`, otherwise a space.
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        let newline: Unicode.Scalar = keepNewlines ? "\n" : " "
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x0D:
                if scalars.first == "\n" { scalars.removeFirst() }
                output.append(newline)
            case 0x0A, 0x85, 0x2028, 0x2029:
                output.append(newline)
            case 0x09:
                output.append(" ")
            case 0..<0x20:
                output.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F:
                output.append("\u{2421}")
            case 0x80..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                output.append(
                    contentsOf: "<U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))>".unicodeScalars)
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
