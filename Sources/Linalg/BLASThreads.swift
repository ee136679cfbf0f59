import COpenBLAS

/// The OpenBLAS thread pool size (process-wide), for callers that parallelise themselves.
public enum BLASThreads {
    /// The number of threads OpenBLAS uses for one call.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// The number of processors OpenBLAS detected.
    public static var processors: Int { Int(openblas_get_num_procs()) }

    /// Sets the number of threads OpenBLAS uses for one call (process-wide).
    public static func set(_ threads: Int) {
        openblas_set_num_threads(Int32(max(1, threads)))
    }

    /// Runs `body` with OpenBLAS limited to `threads`, restoring the previous count afterwards.
    public static func with<T>(_ threads: Int, _ body: () throws -> T) rethrows -> T {
        let previous = count
        set(threads)
        defer { set(previous) }
        return try body()
    }

    /// The OpenBLAS build description (`openblas_get_config`) and core name, for benchmark logs.
    public static var configuration: String {
        let config = openblas_get_config().map { String(cString: $0) } ?? "unknown"
        let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
        return "\(config) (core \(core))"
    }
}
