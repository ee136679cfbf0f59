/// An in-memory terminal: keys come from a queue, frames are kept for inspection.
public final class VirtualTerminal: Terminal {
    /// The current size.
    public private(set) var size: Size
    /// The last frame drawn.
    public private(set) var lastFrame: ScreenBuffer?
    /// How many frames were drawn.
    public private(set) var frameCount = 0
    private var pending: [TerminalInput] = []

    /// A terminal of a fixed size with no keys queued.
    public init(size: Size) {
        self.size = size
    }

    /// Queues key presses; when the queue runs out, `readKey` reports `.closed`.
    public func enqueue(_ keys: [Key]) {
        pending += keys.map(TerminalInput.key)
    }

    /// Queues a timeout (lets the loop drain background notifications).
    public func enqueueTimeout() {
        pending.append(.timeout)
    }

    /// Changes the size and queues the resize key a real terminal would send.
    public func resize(to newSize: Size) {
        size = newSize
        pending.append(.key(.named(.resize)))
    }

    /// The next queued input, or `.closed` when the queue is empty.
    public func readKey(timeoutMilliseconds: Int) -> TerminalInput {
        pending.isEmpty ? .closed : pending.removeFirst()
    }

    /// Keeps the frame as `lastFrame`.
    public func draw(_ buffer: ScreenBuffer) {
        lastFrame = buffer
        frameCount += 1
    }
}
