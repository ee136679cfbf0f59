import ArgumentParser
import Foundation
import ReviewStore
import Reports
import TeamScreening

extension ScreeningMode: ExpressibleByArgument {}
extension MaybePolicy: ExpressibleByArgument {}

/// `tarsier team`: the review's screening mode and team settings, each assessor's progress and
/// the pairwise agreement; with options, changes the settings (refusing an ambiguous change).
struct Team: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or change the review's screening mode; show each assessor's progress and agreement.",
        discussion: """
            Modes: single (one decision per record), dual (two independent decisions from two \
            assessors; disagreements go to a lead, see `tarsier conflicts`), verified (one decision \
            per record plus a blind second screening of a random sample, --verify-fraction). Dual \
            and verified screening are blind by default: an assessor does not see another's label, \
            reason or note before the record is resolved. A change of mode is refused once it \
            would make existing decisions ambiguous.
            """)

    @OptionGroup var review: ReviewArgument
    @Option(help: "Screening mode: single, dual or verified.") var mode: ScreeningMode?
    @Flag(inversion: .prefixedNo, help: "Hide other assessors' votes until a record is resolved.") var blind: Bool?
    @Option(help: "What a maybe vote means when votes are compared: include or resolve.") var maybe: MaybePolicy?
    @Option(help: "Verified mode: the share of records (0-1) a second assessor screens.") var verifyFraction: Double?
    @Option(help: "The first N records every assessor screens, for the calibration κ.") var calibration: Int?
    @Option(help: "Who may resolve conflicts, comma-separated (screen --lead, resolve); empty: anyone.")
    var leads: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if let verifyFraction, !(0...1).contains(verifyFraction) {
            throw ValidationError("--verify-fraction must be between 0 and 1")
        }
        if let calibration, calibration < 0 { throw ValidationError("--calibration must not be negative") }
    }

    func run() throws {
        let changes =
            mode != nil || blind != nil || maybe != nil || verifyFraction != nil || calibration != nil || leads != nil
        let database = changes ? try review.open() : try review.openForReading()
        try Console.run {
            if changes {
                var settings = try database.teamSettings()
                if let mode {
                    settings.mode = mode
                    if blind == nil { settings.blind = mode != .single }
                }
                if let blind { settings.blind = blind }
                if let maybe { settings.maybe = maybe }
                if let verifyFraction { settings.verificationFraction = verifyFraction }
                if let calibration { settings.calibrationSize = calibration }
                if let leads {
                    settings.leads = leads.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                        .filter { !$0.isEmpty }
                }
                try database.setTeamSettings(settings)
            }
            let summary = try database.teamSummary()
            let progress = summary.progress(events: try database.voteEvents(), now: Date())
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                let report = TeamStatus(
                    settings: summary.rules.settings, screenedByTwo: summary.screenedByTwo,
                    conflicts: summary.conflicts.count, conflictsResolved: summary.conflictsResolved,
                    assessors: progress, agreement: AgreementReport(summary: summary).rows)
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(TeamStatus.text(summary: summary, progress: progress), terminator: "")
            }
        }
    }
}

/// What `team --json` prints.
struct TeamStatus: Encodable {
    let settings: TeamSettings
    let screenedByTwo: Int
    let conflicts: Int
    let conflictsResolved: Int
    let assessors: [AssessorProgress]
    let agreement: [AgreementReport.Row]

    static func text(summary: TeamSummary, progress: [AssessorProgress]) -> String {
        let settings = summary.rules.settings
        var lines = [
            "mode: \(settings.mode.rawValue)" + (settings.blind ? ", blind" : "")
                + (settings.mode == .verified
                    ? String(format: ", %.0f%% verified", settings.verificationFraction * 100) : "")
                + ", maybe \(settings.maybe == .resolve ? "goes to resolution" : "counts as include")"
                + ", calibration \(settings.calibrationSize) records"
                + ((settings.leads ?? []).isEmpty ? "" : "; leads: \(settings.leads!.joined(separator: ", "))"),
            "records decided by two assessors: \(summary.screenedByTwo); conflicts waiting: \(summary.conflicts.count); "
                + "resolved: \(summary.conflictsResolved)",
        ]
        for p in progress {
            lines.append(
                "  \(p.assessor): \(p.decided) decided (\(p.included) include, \(p.excluded) exclude, \(p.maybe) maybe); "
                    + String(format: "%.0f in the last hour", p.lastHourRate)
                    + (p.overallRate.map { String(format: ", %.0f/h overall", $0) } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n" + AgreementReport(summary: summary).text()
    }
}
