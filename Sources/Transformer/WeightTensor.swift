/// A read-only Float tensor: either a view into a memory-mapped checkpoint or an owned array.
public struct WeightTensor: @unchecked Sendable {
    /// Dimensions, outermost first (`[out, in]` for a PyTorch Linear weight).
    public let shape: [Int]
    /// Base address of `count` contiguous row-major elements.
    public let pointer: UnsafePointer<Float>
    /// Keeps the mapping or array alive as long as the pointer is used.
    private let owner: AnyObject

    /// Number of elements.
    public var count: Int { shape.reduce(1, *) }

    init(shape: [Int], mapped pointer: UnsafePointer<Float>, owner: AnyObject) {
        self.shape = shape
        self.pointer = pointer
        self.owner = owner
    }

    /// A tensor that owns a copy of `values` (row-major, `values.count == shape.product`).
    public init(shape: [Int], values: [Float]) {
        precondition(values.count == shape.reduce(1, *), "values do not match the shape")
        let storage = OwnedStorage(values)
        self.shape = shape
        self.pointer = UnsafePointer(storage.buffer.baseAddress.unsafelyUnwrapped)  // capacity ≥ 1
        self.owner = storage
    }

    /// A copy of the elements.
    public var values: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}

/// Heap storage with a stable address for owned tensors.
private final class OwnedStorage {
    let buffer: UnsafeMutableBufferPointer<Float>
    init(_ values: [Float]) {
        buffer = .allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
    }
    deinit { buffer.deallocate() }
}
