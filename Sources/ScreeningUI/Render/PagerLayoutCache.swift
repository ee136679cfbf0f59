import Foundation

/// The few most recent pager layouts, keyed by the record's content and the text width, so a frame
/// or a scroll reuses the layout instead of wrapping the record again. A memo of a pure function:
/// the layout for a key is always the same, so views and `update` stay deterministic.
///
/// Keys compare by value; Swift strings and arrays compare storage identity first, so a hit on the
/// record already shown costs O(1) even for a 10 MB abstract.
final class PagerLayoutCache: @unchecked Sendable {
    /// The cache the pager uses.
    static let shared = PagerLayoutCache(capacity: 4)

    private struct Entry {
        var detail: RecordDetail
        var width: Int
        var layout: PagerLayout
    }

    private let lock = NSLock()
    private var entries: [Entry] = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The layout for a record at a text width, made by `make` when not cached.
    func layout(for detail: RecordDetail, width: Int, make: () -> PagerLayout) -> PagerLayout {
        lock.lock()
        if let index = entries.firstIndex(where: { $0.width == width && $0.detail == detail }) {
            var entry = entries.remove(at: index)
            entry.detail = detail  // keep the caller's storage so the next comparison is by identity
            entries.insert(entry, at: 0)
            lock.unlock()
            return entry.layout
        }
        lock.unlock()
        let layout = make()
        lock.lock()
        entries.insert(Entry(detail: detail, width: width, layout: layout), at: 0)
        if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        lock.unlock()
        return layout
    }
}
