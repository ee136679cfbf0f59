import ArgumentParser
import Foundation
import ReviewStore
import enum ScreeningUI.TextSanitizer

/// `tarsier duplicates`: the duplicate groups with the key that joined each record, the possible
/// duplicates (same title and year, different DOI or PMID: both screened), and the fixes a user
/// can make, each an event in the append-only duplicate log.
struct Duplicates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List duplicate groups and possible duplicates; split a wrong merge or mark a possible pair.",
        discussion: """
            Records sharing a DOI, a PMID, or a normalised title and year join a duplicate group and \
            only the first is screened. A title + year match never joins records whose DOIs or PMIDs \
            differ: such a pair is a possible duplicate, and both are screened until marked. \
            --split ID screens a hidden record on its own again; --same A B marks a possible pair as \
            duplicates (B is then hidden behind A); --distinct A B dismisses it.
            """)

    @OptionGroup var review: ReviewArgument
    @Option(help: "Take this hidden record out of its group so it is screened on its own.") var split: Int64?
    @Option(parsing: .upToNextOption, help: "Mark a possible-duplicate pair as duplicates: --same A B.") var same:
        [Int64] = []
    @Option(parsing: .upToNextOption, help: "Mark a possible-duplicate pair as distinct works: --distinct A B.")
    var distinct: [Int64] = []
    @Option(name: .customLong("as"), help: "Who makes the change (kept in the log).") var assessor: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if !same.isEmpty && same.count != 2 { throw ValidationError("--same takes two record ids") }
        if !distinct.isEmpty && distinct.count != 2 { throw ValidationError("--distinct takes two record ids") }
        if [split != nil, !same.isEmpty, !distinct.isEmpty].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --split, --same and --distinct")
        }
    }

    func run() throws {
        let changes = split != nil || !same.isEmpty || !distinct.isEmpty
        let database = changes ? try review.open() : try review.openForReading()
        let name = assessor ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        try Console.run {
            if let split {
                try database.splitDuplicate(split, assessor: name)
                print("record \(split) is screened on its own now")
                return
            }
            if same.count == 2 || distinct.count == 2 {
                let pair = same.count == 2 ? same : distinct
                try database.markPossibleDuplicate(pair[0], pair[1], duplicate: same.count == 2, assessor: name)
                print(
                    "records \(pair[0]) and \(pair[1]) marked as \(same.count == 2 ? "duplicates" : "distinct works")")
                return
            }
            let groups = try database.duplicateGroups()
            let possible = try database.possibleDuplicates()
            if json {
                struct Listing: Encodable { var groups: [DuplicateGroup]; var possible: [PossibleDuplicate] }
                print(try Console.json(Listing(groups: groups, possible: possible)))
                return
            }
            var lines: [String] = []
            for group in groups {
                lines.append("#\(group.canonicalID) \(group.canonicalTitle)")
                for member in group.members {
                    lines.append("    hides #\(member.recordID) (\(member.file)) by \(member.key)")
                }
            }
            if !possible.isEmpty { lines.append("possible duplicates (both screened until marked):") }
            for pair in possible {
                lines.append("    #\(pair.otherRecordID) ~ #\(pair.recordID)  \(pair.key)  [\(pair.state.rawValue)]")
            }
            lines.append(
                "\(groups.count) duplicate groups hiding \(groups.reduce(0) { $0 + $1.members.count }) records; "
                    + "\(possible.filter { $0.state == .open }.count) possible duplicates open")
            print(TextSanitizer.visible(lines.joined(separator: "\n"), keepNewlines: true))
        }
    }
}
