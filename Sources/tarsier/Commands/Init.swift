import ArgumentParser
import Foundation
import ReviewModel
import ReviewStore
import TeamScreening

/// `tarsier init`: create a review file.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a review.",
        discussion: """
            Creates a new review file (an SQLite database). The topic file is JSON with "title", \
            optional "objective" and optional "query" (the Boolean search, Ovid or PubMed syntax); \
            it ranks records before any decision has been made.
            """)

    @Argument(help: "The review file to create, e.g. my-review.tarsier.") var review: String
    @Option(help: "The review's title (overrides the topic file's).") var title: String?
    @Option(help: "A topic JSON file: title, objective, query.") var topic: String?
    @Option(help: "Seed for the review's random order and random picks.") var seed: Int = 1
    @Option(help: "Screening mode: single, dual or verified (see `tarsier team --help`).") var mode: ScreeningMode =
        .single
    @Flag(
        inversion: .prefixedNo, help: "Hide other assessors' votes until resolved (default: on in dual and verified).")
    var blind: Bool?
    @Flag(help: "Make the review group-writable (0664) for a team on one server; its -wal and -shm files follow.")
    var shared = false

    func run() throws {
        try Console.run {
            var reviewTopic = try topic.map(Console.readTopic) ?? Topic(title: "")
            if let title { reviewTopic.title = title }
            if reviewTopic.title.isEmpty {
                reviewTopic.title = URL(fileURLWithPath: review).deletingPathExtension().lastPathComponent
            }
            let database = try ReviewDatabase.create(path: review, topic: reviewTopic, randomSeed: seed)
            if shared {
                try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: review)
            }
            if mode != .single || blind != nil { try database.setTeamSettings(TeamSettings(mode: mode, blind: blind)) }
            print(
                "created \(review): \"\(reviewTopic.title)\""
                    + (reviewTopic.query == nil ? "" : " (with a Boolean query)")
                    + (mode == .single ? "" : ", \(mode.rawValue) screening" + (blind ?? true ? ", blind" : "")))
        }
    }
}
