import ReviewSession
import ArgumentParser
import CursesTerminal
import Foundation
import Ranking
import ReviewStore
import ScreeningUI
import Transformer

/// `tarsier screen`: the keyboard-first screening UI.
struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Screen a review's records in ranked order.",
        discussion: """
            Shows the undecided records in the order of the newest ranking and records each \
            decision in the review's append-only log before the next record is shown. The ranker \
            retrains in the background after every decision. Quit with q at any time: everything \
            is already saved. Keys can be remapped in ~/.config/tarsier/keys.conf (lines of \
            `action = key`, or `preset = rayyan` for I/E/U); `?` lists the live bindings.

            KEY BINDINGS
            \(KeyBindingDocument.plainText())
            """)

    @OptionGroup var review: ReviewArgument
    @Option(name: .customLong("as"), help: "The assessor recorded with each decision (default: your login name).")
    var assessor: String?
    @Option(help: "A key-map file (default: ~/.config/tarsier/keys.conf when it exists).") var keys: String?
    @Option(help: "Replay a script of actions instead of reading the keyboard, then print the screen.")
    var script: String?
    @Option(help: "Screen size for --script, as COLUMNSxROWS.") var size = "80x24"
    @Option(help: .hidden) var oracleLabels: String?
    @Flag(
        help: ArgumentHelp(
            "With --script: print `ack KIND EVENT record RECORD LABEL` on standard output as each decision, undo or redo is committed.",
            discussion: "A line is printed (and flushed) only after the event is durable in the review."))
    var ack = false
    @Option(help: "Model folder for background embedding (default: $TARSIER_MODEL or the cache folder).")
    var model: String?
    @Flag(help: "Do not embed records in the background.") var noEmbed = false
    @Option(help: "The ranker that orders the queue.") var ranker = RankerID.hybrid
    @Flag(
        help: ArgumentHelp(
            "Screen as a lead: the Conflicts view (key 4) lists the records whose votes disagree, with every vote; i, e or m records the final decision.",
            discussion:
                "Refused in single mode, and for a name that is not among the review's leads (`tarsier team --leads`).")
    )
    var lead = false

    func validate() throws {
        guard parsedSize != nil else { throw ValidationError("--size must look like 80x24") }
        if ack && script == nil { throw ValidationError("--ack needs --script") }
    }

    private var parsedSize: Size? {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 20, parts[1] >= 5 else { return nil }
        return Size(columns: parts[0], rows: parts[1])
    }

    func run() throws {
        let database = try review.open()
        let name = assessor ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        if lead, let refusal = try Console.run({ try database.teamSettings().leadRefusal(name) }) {
            Console.error("tarsier: error: \(refusal)")
            throw ExitCode(1)
        }
        let keyMap = try Console.run { try loadKeyMap() }
        let configuration = CycleConfiguration(ranker: ranker, seed: UInt64(try database.reviewProtocol().randomSeed))
        let directory = ModelLocator.find(explicit: model)
        if let script {
            // The dense signals use the embeddings stored in the review (nothing is embedded), with
            // or without the model at hand.
            let session = try Console.run {
                try ReviewScreeningSession(
                    database: database, assessor: name, configuration: configuration, synchronous: true,
                    embeddings: noEmbed ? .none : .stored(model: directory))
            }
            if ack { session.onCommit = { Self.acknowledge($0) } }
            session.isLead = lead
            let text = try Console.run { try String(contentsOfFile: script, encoding: .utf8) }
            let oracle = try Console.run { try oracleLabels.map { try OracleLabels(path: $0, database: database) } }
            let screen = try Console.run {
                try ScriptRunner.run(
                    script: text, session: session, size: parsedSize ?? Size(columns: 80, rows: 24), keyMap: keyMap,
                    oracle: oracle.map { labels in { labels.label(of: $0) } })
            }
            print(screen.text)
            return
        }
        var notice: String?
        var embeddings = ReviewScreeningSession.Embeddings.none
        if !noEmbed {
            if let directory {
                embeddings = .embedding(model: directory)
            } else {
                embeddings = .stored(model: nil)
                notice =
                    "no BERT model: the embeddings stored in the review rank, nothing new is embedded; get it with `bash Scripts/fetch-model.sh`"
            }
        }
        let session: ReviewScreeningSession
        do {
            session = try ReviewScreeningSession(
                database: database, assessor: name, configuration: configuration, embeddings: embeddings)
        } catch  where directory != nil && !noEmbed {
            notice = "BERT model unusable (\(error.localizedDescription)); ranking with the stored embeddings"
            session = try Console.run {
                try ReviewScreeningSession(
                    database: database, assessor: name, configuration: configuration, embeddings: .stored(model: nil))
            }
        }
        if let notice { session.notice(notice) }
        session.isLead = lead
        session.startEmbedding()
        session.watchOtherAssessors()
        Trace.mark("session open")
        let terminal = try Console.run { try CursesTerminal() }
        ScreeningApp.run(
            session: session, terminal: Trace.enabled ? TracedTerminal(terminal) : terminal, keyMap: keyMap)
        session.stopBackgroundWork()
        terminal.close()
        // Every decision is committed and the terminal is restored. Leave without running C++
        // global destructors: with OpenBLAS and dispatch threads still alive they could crash the
        // process on its way out (seen as a lost exit status in the tmux test).
        fflush(nil)
        _exit(terminal.interruptingSignal.map { 128 + $0 } ?? 0)
    }

    /// Prints one acknowledgement line for a committed event and flushes it at once, so a reader
    /// of standard output never sees an event that is not in the review.
    static func acknowledge(_ event: ReviewStore.DecisionEvent) {
        print("ack \(event.kind.rawValue) \(event.id) record \(event.recordID) \(event.label?.rawValue ?? "none")")
        fflush(nil)
    }

    private func loadKeyMap() throws -> KeyMap {
        let path =
            keys
            ?? FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".config/tarsier/keys.conf").path
        guard FileManager.default.fileExists(atPath: path) else {
            if keys != nil { throw ValidationError("no key-map file at \(path)") }
            return .standard
        }
        do {
            return try KeyMap.parse(String(contentsOfFile: path, encoding: .utf8))
        } catch {
            throw ValidationError("\(path): \(error.localizedDescription)")
        }
    }
}
extension RankerID: ExpressibleByArgument {}
