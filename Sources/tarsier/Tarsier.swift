import ArgumentParser

/// The `tarsier` command: a thin shell over the library targets.
@main
struct Tarsier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tarsier",
        abstract: "Prioritised screening for systematic reviews, in the terminal.",
        discussion: """
            A review is one SQLite file. Import RIS, PubMed (MEDLINE text or XML) or CSV exports \
            into it, screen the records in the order a BERT-plus-classical ranker proposes, and \
            export decisions, recall curves and PRISMA counts.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self,
            Import.self,
            Status.self,
            Check.self,
            Show.self,
            List.self,
            Screen.self,
            Team.self,
            Conflicts.self,
            Resolve.self,
            Duplicates.self,
            Export.self,
            Encode.self,
            Embed.self,
            Simulate.self,
            GenerateMan.self,
        ]
    )
}
