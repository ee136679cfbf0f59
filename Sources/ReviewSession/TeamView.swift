import ReviewModel
import ReviewStore
import TeamScreening

/// What one person may see of a review under its team rules: `list`, `show` and `export` with
/// `--as NAME` see NAME's own votes and final labels only (blind dual or verified screening);
/// without `--as` a lead sees every vote and each record's final label.
public struct TeamView {
    public let summary: TeamSummary
    public let assessor: String?

    public init(database: ReviewDatabase, assessor: String?) throws {
        summary = try database.teamSummary()
        self.assessor = assessor
    }

    /// Single screening without blinding: the stored labels and the whole log are the view.
    public var isPlain: Bool { summary.rules.settings.mode == .single }

    /// The label a record shows to this person.
    public func label(_ record: StoredRecord) -> Label? {
        isPlain ? record.label : summary.label(of: record.id, for: assessor)
    }

    /// Whether a log event may be shown to this person (imports always).
    public func shows(_ event: DecisionEvent) -> Bool {
        event.kind == .import || summary.shows(eventBy: event.assessor, on: event.recordID, to: assessor)
    }

    /// Records filtered by the label they show (`nil` in `wanted` means undecided).
    public func filter(_ records: [StoredRecord], labels wanted: Set<Label?>?) -> [StoredRecord] {
        guard let wanted else { return records }
        return records.filter { wanted.contains(label($0)) }
    }
}
