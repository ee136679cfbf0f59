/// The status line: progress, model and embedding state on the left, the message on the right.
enum StatusLineView {
    static func draw(_ state: AppState, row: Int, into buffer: inout ScreenBuffer) {
        let width = buffer.size.columns
        let overview = state.overview
        var segments: [[Glyph]] = [
            Glyph.make("\(overview.screened)/\(overview.total) screened", style: .bold),
            Glyph.make("inc \(overview.includes)", style: Style(.bold, role: .include)),
            Glyph.make("maybe \(overview.maybes)", style: Style(role: .maybe)),
            Glyph.make("\(overview.sinceLastInclude) since inc"),
        ]
        if let stopping = overview.stopping {
            let stop = stopping.hasPrefix("STOP")
            segments.append(Glyph.make(stopping, style: stop ? Style(.bold, role: .warning) : .muted))
        }
        if let version = overview.modelVersion {
            segments.append(
                overview.retraining
                    ? Glyph.make("model v\(version) retraining…", style: Style(.bold, role: .warning))
                    : Glyph.make("model v\(version) ready"))
        } else {
            segments.append(Glyph.make(overview.retraining ? "model training…" : "model: none", style: .muted))
        }
        if let next = state.nextRanking, next.version != overview.modelVersion {
            segments.append(Glyph.make("v\(next.version) at next pick", style: .muted))
        }
        if overview.embeddingsTotal > 0 {
            segments.append(Glyph.make("emb \(overview.embeddingsDone)/\(overview.embeddingsTotal)", style: .muted))
        }
        var message: [Glyph] = []
        if let status = state.message {
            let style = status.isError ? Style(.bold, role: .error) : Style(.bold, role: .accent)
            message = Glyph.make(status.text, style: style, atMost: width)
            message = message.truncated(to: max(0, width * 2 / 5))
        }
        let available = width - 1 - (message.isEmpty ? 0 : message.displayWidth + 2)
        var line = Glyph.make(" ")
        let separator = Glyph.make(" · ", style: .muted)
        for segment in segments {
            let extra = (line.count > 1 ? separator.displayWidth : 0) + segment.displayWidth
            if line.displayWidth + extra > available { break }
            if line.count > 1 { line += separator }
            line += segment
        }
        buffer.put(line, row: row, column: 0)
        if !message.isEmpty { buffer.put(message, row: row, column: width - message.displayWidth - 1) }
    }
}
