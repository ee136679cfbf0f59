import Foundation
import Testing
import Transformer

@Suite("Safetensors reader")
struct SafetensorsFileTests {
    private func write(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tarsier-\(UUID().uuidString).safetensors")
        try Data(bytes).write(to: url)
        return url
    }

    private var sample: SafetensorsWriter {
        var writer = SafetensorsWriter()
        writer.add("a", shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        writer.add("b", shape: [2], values: [-0.5, 65504])
        return writer
    }

    @Test("F32 and F16 tensors read back with their shapes and values")
    func readsTensors() throws {
        for dtype in [SafetensorsWriter.DType.f32, .f16] {
            let url = try write(sample.bytes(dtype: dtype))
            defer { try? FileManager.default.removeItem(at: url) }
            let file = try SafetensorsFile(url: url)
            #expect(Set(file.entries.keys) == ["a", "b"])
            #expect(file.metadata["format"] == "pt")
            let a = try file.tensor("a", shape: [2, 3])
            #expect(a.shape == [2, 3] && a.values == [1, 2, 3, 4, 5, 6])
            #expect(try file.tensor("b").values == [-0.5, 65504])
        }
    }

    @Test("A missing tensor and a wrong shape give clear errors")
    func missingAndWrongShape() throws {
        let url = try write(sample.bytes())
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try SafetensorsFile(url: url)
        #expect(throws: TransformerError.missingTensor("c")) { try file.tensor("c") }
        #expect(throws: TransformerError.wrongShape(tensor: "a", expected: [3, 2], actual: [2, 3])) {
            try file.tensor("a", shape: [3, 2])
        }
        #expect(TransformerError.missingTensor("c").errorDescription == "tensor c is missing from the checkpoint")
    }

    @Test("A truncated file is reported with the sizes", arguments: [1, 7, 30])
    func truncated(dropped: Int) throws {
        let bytes = sample.bytes()
        let url = try write(Array(bytes.dropLast(dropped)))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(
            throws: TransformerError.truncatedFile(
                path: url.path, expectedBytes: bytes.count, actualBytes: bytes.count - dropped)
        ) {
            try SafetensorsFile(url: url)
        }
    }

    @Test("A file shorter than its header, a bad header and an unknown dtype are rejected")
    func badFiles() throws {
        let tiny = try write([1, 2, 3])
        defer { try? FileManager.default.removeItem(at: tiny) }
        #expect(throws: TransformerError.truncatedFile(path: tiny.path, expectedBytes: 8, actualBytes: 3)) {
            try SafetensorsFile(url: tiny)
        }
        let garbage = try write(sample.bytes(headerOverride: "[1, 2]"))
        defer { try? FileManager.default.removeItem(at: garbage) }
        #expect(throws: TransformerError.self) { try SafetensorsFile(url: garbage) }
        let odd = try write(sample.bytes(headerOverride: #"{"x":{"dtype":"Q4","shape":[1],"data_offsets":[0,4]}}"#))
        defer { try? FileManager.default.removeItem(at: odd) }
        let file = try SafetensorsFile(url: odd)
        #expect(throws: TransformerError.unsupportedDType(tensor: "x", dtype: "Q4")) { try file.tensor("x") }
        let mismatch = try write(
            sample.bytes(headerOverride: #"{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,4]}}"#))
        defer { try? FileManager.default.removeItem(at: mismatch) }
        #expect(throws: TransformerError.self) { try SafetensorsFile(url: mismatch) }
    }

    @Test("A checkpoint missing a layer tensor fails to load as a BERT with the tensor's name")
    func incompleteCheckpoint() throws {
        let tiny = try TinyBert(seed: 3)
        defer { tiny.remove() }
        var writer = SafetensorsWriter()
        for (name, values) in tiny.tensors.sorted(by: { $0.key < $1.key })
        where name != "encoder.layer.1.output.dense.bias" {
            writer.add(name, shape: tiny.shapes[name] ?? [], values: values)
        }
        try Data(writer.bytes()).write(to: tiny.directory.appendingPathComponent("model.safetensors"))
        #expect(throws: TransformerError.missingTensor("encoder.layer.1.output.dense.bias")) {
            try BertEncoder(modelDirectory: tiny.directory)
        }
    }
}
