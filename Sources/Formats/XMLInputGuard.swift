#if canImport(Glibc)
    import Glibc
#endif

/// Refuses, before `XMLParser` sees them, the XML constructs that would make it expand or fetch
/// entities: entity declarations and encodings in which such declarations could hide.
///
/// FoundationXML always parses with libxml2's `XML_PARSE_NOENT` (substitute entities), so a
/// declared entity is expanded — the billion-laughs and quadratic-blowup bombs — and an external
/// one (`SYSTEM "file:///etc/passwd"`) may be read (OWASP XML External Entity Prevention Cheat
/// Sheet). PubMed XML never declares entities: its DOCTYPE names an external DTD, which is not
/// loaded because `shouldResolveExternalEntities` is false. So any `<!ENTITY` (internal or
/// external, general or parameter, in any letter case, even inside a comment) is refused, which
/// is stricter than libxml2 and needs no model of its recovery rules. Because the whole document
/// is checked chunk by chunk as it streams, the declaration is refused before the parser gets it.
///
/// Entity declarations can only be smuggled past a byte scan by an encoding that is not ASCII
/// compatible. The ``ByteSourceInputStream`` already turns invalid UTF-8 (UTF-16/32 byte order
/// marks, EBCDIC) into `?`; this guard also refuses NUL bytes among the first four (libxml2's
/// UTF-16/UCS-4 autodetection, XML 1.0 Appendix F) and an XML declaration naming another
/// encoding than UTF-8, ASCII or an ISO-8859/Windows-125x one (UTF-7, UTF-16…).
///
/// It also refuses processing instructions without data (`<?name?>`): libxml2 reports them with a
/// NULL data pointer, on which FoundationXML's SAX callback calls `strlen` and crashes (found by
/// Scripts/fuzz.sh). `<?name ?>` has empty, non-NULL data and passes.
struct XMLInputGuard {
    /// Why the input was refused and where (byte offset into the chunk just inspected).
    struct Refusal: Equatable {
        /// Offset, in the inspected chunk, of the byte the refusal points at.
        let offset: Int
        /// Lowercase message for ``FormatsError/invalid(file:line:reason:)``.
        let reason: String
    }

    private static let keyword = Array("<!ENTITY".utf8)
    /// How much of the document start is kept to read the XML declaration.
    private static let headLimit = 512

    /// Characters of ``keyword`` matched at the end of the previous chunk.
    private var matched = 0
    /// Progress through `<?name?>` at the end of the previous chunk.
    private var instruction = InstructionState.idle
    /// The document's first bytes, until the XML declaration has been checked.
    private var head: [UInt8] = []
    private var headChecked = false

    /// Inspects the next chunk of (UTF-8-repaired) content.
    mutating func inspect(_ bytes: UnsafeRawBufferPointer) -> Refusal? {
        if !headChecked, let refusal = inspectHead(bytes) { return refusal }
        if let offset = findEntityDeclaration(bytes) {
            return Refusal(
                offset: offset,
                reason: "entity declarations (<!ENTITY) are not allowed in PubMed XML: tarsier never "
                    + "expands or fetches XML entities (internal, external or parameter)")
        }
        return findEmptyInstruction(bytes).map {
            Refusal(
                offset: $0,
                reason:
                    "processing instructions without data (<?name?>) are not allowed: the XML parser crashes on them")
        }
    }

    /// Where a scan for `<?name?>` stands.
    private enum InstructionState {
        case idle, lessThan, questionMark, target, closingQuestionMark
    }

    /// Offset of the `?>` ending a `<?name?>` completed in `bytes`, or nil. Any byte but white
    /// space, `?`, `<` and `>` counts as a name character (more than XML's Name: stricter).
    private mutating func findEmptyInstruction(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        while index < bytes.count {
            if instruction == .idle {
                guard let found = memchr(base + index, 0x3C, bytes.count - index) else { return nil }
                index = UnsafeRawPointer(found) - base + 1
                instruction = .lessThan
                continue
            }
            let byte = bytes[index]
            let isNameByte =
                byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
                && byte != 0x3F && byte != 0x3C && byte != 0x3E
            switch (instruction, byte) {
            case (.lessThan, 0x3F): instruction = .questionMark
            case (.questionMark, _) where isNameByte, (.target, _) where isNameByte: instruction = .target
            case (.target, 0x3F): instruction = .closingQuestionMark
            case (.closingQuestionMark, 0x3E):
                instruction = .idle
                return max(0, index - 1)
            default:
                instruction = .idle
                continue  // look at this byte again: it may be a new `<`
            }
            index += 1
        }
        return nil
    }

    /// Offset of the `<` of an `<!ENTITY` completed in `bytes`, or nil. Finds `<` with memchr.
    private mutating func findEntityDeclaration(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        while index < bytes.count {
            if matched == 0 {
                guard let found = memchr(base + index, 0x3C, bytes.count - index) else { return nil }
                index = UnsafeRawPointer(found) - base + 1
                matched = 1
                continue
            }
            var byte = bytes[index]
            if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }  // ASCII upper case
            guard byte == Self.keyword[matched] else {
                matched = 0  // look at this byte again: it may be a new `<`
                continue
            }
            matched += 1
            index += 1
            if matched == Self.keyword.count {
                matched = 0
                return max(0, index - Self.keyword.count)
            }
        }
        return nil
    }

    /// Checks the first four bytes for NULs and the XML declaration's encoding.
    private mutating func inspectHead(_ bytes: UnsafeRawBufferPointer) -> Refusal? {
        let before = head.count
        head.append(contentsOf: bytes.prefix(Self.headLimit - head.count))
        if let nul = head.prefix(4).firstIndex(of: 0) {
            headChecked = true
            return Refusal(
                offset: max(0, nul - before),
                reason: "NUL byte at the start: the file looks like UTF-16 or UTF-32; PubMed XML must be UTF-8")
        }
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard head.count >= start + 5 || head.count == Self.headLimit || bytes.isEmpty else { return nil }
        guard head[start...].starts(with: Array("<?xml".utf8)) else {
            headChecked = true
            return nil
        }
        start += 5
        guard let end = Self.range(of: Array("?>".utf8), in: head, from: start) else {
            if head.count < Self.headLimit && !bytes.isEmpty { return nil }  // declaration continues
            headChecked = true
            return nil  // an overlong declaration is the parser's error to report
        }
        headChecked = true
        guard let name = Self.encodingName(in: head[start..<end]), !Self.isAllowed(encoding: name) else { return nil }
        return Refusal(
            offset: max(0, end - before),
            reason: "the XML declaration names encoding \"\(name)\"; PubMed XML must be UTF-8")
    }

    /// The value of `encoding="…"` (or `'…'`) in an XML declaration's body.
    private static func encodingName(in declaration: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: declaration, as: UTF8.self)
        guard let key = text.range(of: "encoding") else { return nil }
        let rest = text[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Encodings in which ASCII markup keeps its bytes, so the `<!ENTITY` scan stays sound.
    private static func isAllowed(encoding name: String) -> Bool {
        let upper = name.uppercased()
        return ["UTF-8", "UTF8", "US-ASCII", "ASCII", "LATIN1"].contains(upper)
            || upper.hasPrefix("ISO-8859-") || upper.hasPrefix("WINDOWS-125")
    }

    /// Index of the first occurrence of `needle` in `haystack` at or after `from`.
    private static func range(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        return (from...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
