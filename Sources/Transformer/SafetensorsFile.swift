import CKernels
import Foundation

/// A `.safetensors` checkpoint: an 8-byte little-endian header length, a JSON header mapping each
/// tensor name to `{dtype, shape, data_offsets}`, then the raw little-endian tensor bytes
/// (format: github.com/huggingface/safetensors, README "Format"). The file is memory-mapped; F32
/// tensors are used in place, F16/BF16 tensors are converted to Float on access.
public final class SafetensorsFile: @unchecked Sendable {
    /// Where one tensor lives in the file.
    public struct Entry: Equatable, Sendable {
        /// Element type as written in the header (`F32`, `F16`, `BF16`, ...).
        public let dtype: String
        /// Dimensions, outermost first.
        public let shape: [Int]
        /// Byte range relative to the start of the data section.
        public let dataOffsets: Range<Int>
    }

    /// The tensors in the file, by name.
    public let entries: [String: Entry]
    /// The header's `__metadata__` strings, if any.
    public let metadata: [String: String]
    private let file: MappedFile
    private let base: UnsafeRawPointer
    private let dataStart: Int

    /// Maps the file at `url` and parses its header.
    /// - Throws: `TransformerError.unreadableFile`, `.invalidSafetensorsHeader`, `.truncatedFile`.
    public init(url: URL) throws {
        let path = url.path
        file = try MappedFile(path: path)
        guard file.count >= 8, let base = file.bytes else {
            throw TransformerError.truncatedFile(path: path, expectedBytes: 8, actualBytes: file.count)
        }
        self.base = base
        let headerLength = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        guard headerLength <= UInt64(Int.max - 8) else {
            throw TransformerError.invalidSafetensorsHeader(
                path: path, reason: "header length \(headerLength) is absurd")
        }
        dataStart = 8 + Int(headerLength)
        guard dataStart <= file.count else {
            throw TransformerError.truncatedFile(path: path, expectedBytes: dataStart, actualBytes: file.count)
        }
        let headerData = Data(bytes: base + 8, count: Int(headerLength))
        guard let object = try? JSONSerialization.jsonObject(with: headerData),
            let header = object as? [String: Any]
        else {
            throw TransformerError.invalidSafetensorsHeader(path: path, reason: "header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        var needed = dataStart
        for (name, value) in header {
            if name == "__metadata__" {
                metadata = (value as? [String: String]) ?? [:]
                continue
            }
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                let shape = (fields["shape"] as? [NSNumber])?.map(\.intValue),
                let offsets = (fields["data_offsets"] as? [NSNumber])?.map(\.intValue),
                offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1], shape.allSatisfy({ $0 >= 0 })
            else {
                throw TransformerError.invalidSafetensorsHeader(path: path, reason: "bad entry for \(name)")
            }
            if let width = Self.byteWidth(dtype) {
                let expected = shape.reduce(1, *) * width
                guard expected == offsets[1] - offsets[0] else {
                    throw TransformerError.invalidSafetensorsHeader(
                        path: path, reason: "\(name) has \(offsets[1] - offsets[0]) bytes, its shape needs \(expected)")
                }
            }
            entries[name] = Entry(dtype: dtype, shape: shape, dataOffsets: offsets[0]..<offsets[1])
            needed = max(needed, dataStart + offsets[1])
        }
        guard needed <= file.count else {
            throw TransformerError.truncatedFile(path: path, expectedBytes: needed, actualBytes: file.count)
        }
        self.entries = entries
        self.metadata = metadata
    }

    /// The tensor `name` as Float, checking its shape if `shape` is given.
    /// - Throws: `.missingTensor`, `.wrongShape`, `.unsupportedDType`.
    public func tensor(_ name: String, shape: [Int]? = nil) throws -> WeightTensor {
        guard let entry = entries[name] else { throw TransformerError.missingTensor(name) }
        if let shape, shape != entry.shape {
            throw TransformerError.wrongShape(tensor: name, expected: shape, actual: entry.shape)
        }
        let count = entry.shape.reduce(1, *)
        let source = base + dataStart + entry.dataOffsets.lowerBound
        switch entry.dtype {
        case "F32":
            if Int(bitPattern: source) % MemoryLayout<Float>.alignment == 0 {
                return WeightTensor(
                    shape: entry.shape,
                    mapped: source.assumingMemoryBound(to: Float.self), owner: file)
            }
            var values = [Float](repeating: 0, count: count)
            values.withUnsafeMutableBytes {
                $0.copyMemory(from: UnsafeRawBufferPointer(start: source, count: count * 4))
            }
            return WeightTensor(shape: entry.shape, values: values)
        case "F16":
            var halves = [UInt16](repeating: 0, count: count)
            halves.withUnsafeMutableBytes {
                $0.copyMemory(from: UnsafeRawBufferPointer(start: source, count: count * 2))
            }
            var values = [Float](repeating: 0, count: count)
            tk_f16_to_f32(halves, &values, count)
            return WeightTensor(shape: entry.shape, values: values)
        case "BF16":
            // bfloat16 is the top half of a float32 (Kalamkar et al. 2019).
            var values = [Float](repeating: 0, count: count)
            for index in 0..<count {
                let bits = UInt32(
                    UInt16(littleEndian: source.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)))
                values[index] = Float(bitPattern: bits << 16)
            }
            return WeightTensor(shape: entry.shape, values: values)
        default:
            throw TransformerError.unsupportedDType(tensor: name, dtype: entry.dtype)
        }
    }

    /// Calls `body` with the whole mapped file (header included).
    public func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(UnsafeRawBufferPointer(start: base, count: file.count))
    }

    private static func byteWidth(_ dtype: String) -> Int? {
        switch dtype {
        case "F64", "I64", "U64": return 8
        case "F32", "I32", "U32": return 4
        case "F16", "BF16", "I16", "U16": return 2
        case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2": return 1
        default: return nil
        }
    }
}
