import ArgumentParser
import Foundation
import ReviewModel
import ReviewStore

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

    func run() throws {
        try Console.run {
            var reviewTopic = try topic.map(Console.readTopic) ?? Topic(title: "")
            if let title { reviewTopic.title = title }
            if reviewTopic.title.isEmpty {
                reviewTopic.title = URL(fileURLWithPath: review).deletingPathExtension().lastPathComponent
            }
            _ = try ReviewDatabase.create(path: review, topic: reviewTopic, randomSeed: seed)
            print("created \(review): \"\(reviewTopic.title)\"" + (reviewTopic.query == nil ? "" : " (with a Boolean query)"))
        }
    }
}
