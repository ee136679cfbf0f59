import Foundation

/// A little-endian binary writer and reader for numeric arrays (the classical feature cache a
/// review keeps). The reader checks every length against what is left, so damaged bytes are an
/// error, never a crash.
public struct BinaryWriter {
    public private(set) var data = Data()

    public init() {}

    public mutating func append(_ value: Int) { append(UInt64(bitPattern: Int64(value))) }
    public mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
    public mutating func append(_ value: Double) { append(value.bitPattern) }
    public mutating func append(_ values: [Int32]) {
        append(values.count)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    }
    public mutating func append(_ values: [Float]) { append(values.map { Int32(bitPattern: $0.bitPattern) }) }
    public mutating func append(_ values: [Double]) {
        append(values.count)
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
    }
    public mutating func append(_ values: [Int]) {
        append(values.count)
        for value in values { withUnsafeBytes(of: Int64(value).littleEndian) { data.append(contentsOf: $0) } }
    }
    public mutating func append(_ text: String) {
        let bytes = Array(text.utf8)
        append(bytes.count)
        data.append(contentsOf: bytes)
    }
}

/// Reads what `BinaryWriter` wrote.
public struct BinaryReader {
    /// The bytes end before a value does, or a count is impossible.
    public struct Damaged: Error, Equatable {
        public init() {}
    }

    private let bytes: [UInt8]
    private var offset = 0

    public init(_ data: Data) { bytes = [UInt8](data) }

    /// True when every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    private mutating func word() throws -> UInt64 {
        try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    public mutating func int() throws -> Int {
        let value = Int64(bitPattern: try word())
        guard let int = Int(exactly: value) else { throw Damaged() }
        return int
    }

    public mutating func double() throws -> Double { Double(bitPattern: try word()) }

    private mutating func count(of size: Int) throws -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - offset) / size else { throw Damaged() }
        return count
    }

    public mutating func int32s() throws -> [Int32] {
        let count = try count(of: 4)
        let slice = try take(count * 4)
        var result = [Int32](repeating: 0, count: count)
        var index = slice.startIndex
        for k in 0..<count {
            result[k] = Int32(
                bitPattern: UInt32(slice[index]) | UInt32(slice[index + 1]) << 8
                    | UInt32(slice[index + 2]) << 16 | UInt32(slice[index + 3]) << 24)
            index += 4
        }
        return result
    }

    public mutating func floats() throws -> [Float] { try int32s().map { Float(bitPattern: UInt32(bitPattern: $0)) } }

    public mutating func doubles() throws -> [Double] {
        let count = try count(of: 8)
        return try (0..<count).map { _ in try double() }
    }

    public mutating func ints() throws -> [Int] {
        let count = try count(of: 8)
        return try (0..<count).map { _ in try int() }
    }

    public mutating func string() throws -> String {
        let count = try count(of: 1)
        return String(decoding: try take(count), as: UTF8.self)
    }
}

extension SparseMatrix {
    /// The matrix's compressed-sparse-row arrays.
    public func write(to writer: inout BinaryWriter) {
        writer.append(columnCount)
        writer.append(rowStarts)
        writer.append(columns)
        writer.append(values)
    }

    /// A matrix read back from `write(to:)`, its arrays checked (row starts non-decreasing from 0
    /// to the entry count, columns in range and strictly increasing within each row).
    public init(reading reader: inout BinaryReader) throws {
        let columnCount = try reader.int()
        let rowStarts = try reader.ints()
        let columns = try reader.int32s()
        let values = try reader.floats()
        guard columnCount >= 0, rowStarts.first == 0, rowStarts.last == columns.count, columns.count == values.count
        else { throw BinaryReader.Damaged() }
        for row in 0..<(rowStarts.count - 1) {
            let (start, end) = (rowStarts[row], rowStarts[row + 1])
            guard start >= 0, start <= end, end <= columns.count else { throw BinaryReader.Damaged() }
            var previous: Int32 = -1
            for column in columns[start..<end] {
                guard column > previous, Int(column) < columnCount else { throw BinaryReader.Damaged() }
                previous = column
            }
        }
        self.init(columnCount: columnCount, rowStarts: rowStarts, columns: columns, values: values)
    }
}
