import Foundation
import Testing
import Transformer

@Suite("BERT uncased tokenizer")
struct TokenizerTests {
    let basic = BasicTokenizer()

    @Test("Lowercases, strips accents but keeps ß and ø, and splits punctuation")
    func accentsAndPunctuation() {
        #expect(
            basic.tokenize("Café Zürich’s Straße, Øresund!") == [
                "cafe", "zurich", "’", "s", "straße", ",", "øresund", "!",
            ])
        #expect(
            basic.tokenize("α-synuclein (≥ 5 mg/kg)") == ["α", "-", "synuclein", "(", "≥", "5", "mg", "/", "kg", ")"])
    }

    @Test("CJK ideographs become single tokens; Hangul and kana do not")
    func cjk() {
        #expect(basic.tokenize("東京大学x") == ["東", "京", "大", "学", "x"])
        #expect(basic.tokenize("ひらがな") == ["ひらかな"])  // NFD splits the voiced mark (Mn), dropped
    }

    @Test("Control and format characters vanish, every kind of whitespace separates")
    func whitespaceAndControls() {
        #expect(basic.tokenize("a\u{200B}b\u{00A0}c\td\ne\r\u{0007}f\u{FFFD}\u{0}g") == ["ab", "c", "d", "e", "fg"])
        #expect(basic.tokenize("line\u{2028}break\u{2029}para") == ["line", "break", "para"])
        #expect(basic.tokenize("   \t\n  ").isEmpty)
        #expect(basic.tokenize("").isEmpty)
    }

    @Test("Combining sequences are compared by code point, not canonical equivalence")
    func codePointExactVocabulary() throws {
        // "e\u{301}" and "é" are equal Swift Strings but different Python strings.
        let tokenizer = try BertTokenizer(vocabulary: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "한"])
        // Hangul 한 decomposes (NFD) into jamo, which are not in the vocabulary: [UNK] like Python.
        #expect(tokenizer.encode("한") == [2, 1, 3])
    }

    @Test("WordPiece takes the longest match first, marks continuations with ## and falls back to [UNK]")
    func wordpiece() throws {
        let vocabulary = [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "unaff", "##a", "##ble", "run", "##ning", ",",
        ]
        let tokenizer = try BertTokenizer(vocabulary: vocabulary)
        #expect(
            tokenizer.tokenStrings(tokenizer.wordpieces("unaffable running,")) == [
                "unaff", "##able", "run", "##ning", ",",
            ])
        #expect(tokenizer.wordpieces("unx") == [tokenizer.unknownID])  // partial match fails → one [UNK]
        #expect(tokenizer.wordpieces(String(repeating: "a", count: 101)) == [tokenizer.unknownID])
        #expect(tokenizer.encode("run run run", maxLength: 4) == [tokenizer.clsID, 10, 10, tokenizer.sepID])
        #expect(tokenizer.encode("") == [tokenizer.clsID, tokenizer.sepID])
    }

    @Test("A vocabulary without [CLS] is rejected")
    func missingSpecialToken() {
        #expect(throws: TransformerError.missingVocabularyToken("[CLS]")) {
            try BertTokenizer(vocabulary: ["[PAD]", "[UNK]", "[SEP]"])
        }
    }
}

@Suite("Configuration, hashing and model lookup")
struct SupportTests {
    @Test("config.json sizes are read, and unsupported settings are rejected")
    func configuration() throws {
        let json =
            #"{"hidden_size": 64, "num_hidden_layers": 3, "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 99, "max_position_embeddings": 40, "layer_norm_eps": 1e-5}"#
        let c = try BertConfiguration(json: Data(json.utf8))
        #expect(c.hidden == 64 && c.layers == 3 && c.heads == 4 && c.headDimension == 16)
        #expect(c.typeVocabularySize == 2 && abs(c.layerNormEpsilon - 1e-5) < 1e-12)
        let badHeads = json.replacingOccurrences(of: "\"num_attention_heads\": 4", with: "\"num_attention_heads\": 5")
        #expect(throws: TransformerError.self) { try BertConfiguration(json: Data(badHeads.utf8)) }
        let tanh = json.replacingOccurrences(of: "{", with: "{\"hidden_act\": \"gelu_new\", ")
        #expect(throws: TransformerError.self) { try BertConfiguration(json: Data(tanh.utf8)) }
        let missing = json.replacingOccurrences(of: "\"vocab_size\": 99, ", with: "")
        #expect(throws: TransformerError.invalidConfiguration("vocab_size is missing")) {
            try BertConfiguration(json: Data(missing.utf8))
        }
    }

    @Test("The model is looked up at --model, then TARSIER_MODEL, then the cache folder")
    func locator() throws {
        let tiny = try TinyBert(seed: 21)
        defer { tiny.remove() }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-none-\(UUID().uuidString)")
        #expect(ModelLocator.find(explicit: tiny.directory.path, environment: [:]) == tiny.directory)
        #expect(ModelLocator.find(explicit: nil, environment: ["TARSIER_MODEL": tiny.directory.path]) == tiny.directory)
        // An explicit wrong folder is not silently replaced by the environment's.
        #expect(ModelLocator.find(explicit: empty.path, environment: ["TARSIER_MODEL": tiny.directory.path]) == nil)
        #expect(ModelLocator.find(explicit: nil, environment: ["XDG_CACHE_HOME": empty.path]) == nil)
        #expect(
            ModelLocator.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x"]).path
                == "/x/tarsier/models/all-MiniLM-L6-v2")
        #expect(
            ModelLocator.defaultDirectory(environment: ["HOME": "/h"]).path
                == "/h/.cache/tarsier/models/all-MiniLM-L6-v2")
        let message = ModelLocator.missingModelMessage(explicit: nil, environment: ["XDG_CACHE_HOME": "/x"])
        #expect(message.contains("Scripts/fetch-model.sh") && message.contains("make model"))
    }
}
