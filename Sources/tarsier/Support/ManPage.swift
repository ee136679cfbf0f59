import ArgumentParser

/// Renders `man/tarsier.1` from the live command definitions, so the manual cannot drift from
/// `--help` (a test compares the committed file with this output).
enum ManPage {
    /// Extra sections appended after COMMANDS, e.g. the screen's key bindings: (title, body lines).
    nonisolated(unsafe) static var extraSections: [(title: String, lines: [String])] = []

    /// The whole manual page in roff.
    static func render() -> String {
        let root = Tarsier.configuration
        var out: [String] = [
            ".TH TARSIER 1 \"\" \"tarsier \(root.version)\" \"User Commands\"",
            ".SH NAME",
            "tarsier \\- \(escape(root.abstract))",
            ".SH SYNOPSIS",
            ".B tarsier",
            ".I command",
            "[\\fIoptions\\fR]",
            ".SH DESCRIPTION",
            escape(root.discussion),
            ".SH COMMANDS",
        ]
        for command in root.subcommands where command.configuration.shouldDisplay {
            let name = command.configuration.commandName ?? command._commandName
            out.append(".SS \(escape(name))")
            out.append(".nf")
            let help = Tarsier.helpMessage(for: command, columns: 78)
            out += help.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
            out.append(".fi")
        }
        for section in extraSections {
            out.append(".SH \(escape(section.title.uppercased()))")
            out.append(".nf")
            out += section.lines.map(escape)
            out.append(".fi")
        }
        out += [
            ".SH ENVIRONMENT",
            ".TP", ".B TARSIER_MODEL",
            "Folder holding a BERT checkpoint (config.json, vocab.txt, model.safetensors); see \\fBtarsier encode\\fR.",
            ".TP", ".B NO_COLOR",
            "When set, the screen uses bold and underline instead of colour.",
            ".SH EXIT STATUS",
            "0 on success; 1 when a file could not be imported or a command failed; 64 for invalid arguments.",
            ".SH FILES",
            "A review is one SQLite file (WAL mode); its \\-wal and \\-shm companions belong to it while it is open.",
        ]
        return out.joined(separator: "\n") + "\n"
    }

    /// Escapes text for roff: backslashes, and a leading dot or quote.
    static func escape(_ text: String) -> String {
        var line = text.replacingOccurrences(of: "\\", with: "\\e")
        if line.hasPrefix(".") || line.hasPrefix("'") { line = "\\&" + line }
        return line
    }
}

/// `tarsier generate-man`: prints the manual page (hidden; used to refresh man/tarsier.1).
struct GenerateMan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-man", abstract: "Print the manual page in roff.", shouldDisplay: false)

    func run() throws { print(ManPage.render(), terminator: "") }
}
