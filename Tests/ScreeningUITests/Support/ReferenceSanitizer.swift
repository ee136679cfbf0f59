/// The scalar-by-scalar sanitizer as first written (ECMA-48 §5.3–5.6), kept as the reference the
/// byte-level `TextSanitizer.clean` is checked against.
enum ReferenceSanitizer {
    static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        let newline: Unicode.Scalar = keepNewlines ? "\n" : " "
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B: skipEscape(&scalars)
            case 0x9B: skipCSI(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: skipControlString(&scalars)
            case 0x0D:
                if scalars.first == "\n" { scalars.removeFirst() }
                output.append(newline)
            case 0x0A, 0x85, 0x2028, 0x2029: output.append(newline)
            case 0x09: output.append(" ")
            case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: continue
            default: output.append(scalar)
            }
        }
        return String(output)
    }

    static func skipEscape(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.popFirst() else { return }
        switch next {
        case "[": skipCSI(&scalars)
        case "]", "P", "X", "^", "_": skipControlString(&scalars)
        default:
            if next.value >= 0x20 && next.value <= 0x2F {
                while let first = scalars.first, first.value >= 0x20 && first.value <= 0x2F { scalars.removeFirst() }
                if !scalars.isEmpty { scalars.removeFirst() }
            }
        }
    }

    static func skipCSI(_ scalars: inout ArraySlice<Unicode.Scalar>) {
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
