import Foundation
import Testing

@testable import ReviewModel

@Suite("Topic")
struct TopicTests {
    @Test("decodes the benchmark topic shape and reports emptiness")
    func decodesBenchmarkShape() throws {
        let json = #"{"title": "Shoulder tests", "query": "Diagnos$.mp.\n\nor/1-5"}"#
        let topic = try JSONDecoder().decode(Topic.self, from: Data(json.utf8))
        #expect(topic.title == "Shoulder tests")
        #expect(topic.objective == nil)
        #expect(topic.query?.contains("or/1-5") == true)
        #expect(!topic.isEmpty)
        #expect(Topic(title: "  ").isEmpty)
    }

    @Test("a record with blank title and abstract is empty")
    func emptyFields() {
        #expect(ReferenceFields(title: " ", abstract: "\n").isEmpty)
        #expect(!ReferenceFields(title: "x").isEmpty)
    }
}
