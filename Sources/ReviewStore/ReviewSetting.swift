/// A per-review setting: its key and the type of its value. Every key lives here, so no code
/// outside the store spells a settings key; `value(_:)` and `setValue(_:_:)` read and write them.
public struct ReviewSetting<Value: Codable & Sendable>: Sendable {
    let key: String
}

extension ReviewSetting where Value == [String] {
    /// The exclusion reasons the screen offers (`x`).
    public static var exclusionReasons: Self { Self(key: "exclusionReasons") }
    /// Terms highlighted as suggesting an include.
    public static var includeTerms: Self { Self(key: "includeTerms") }
    /// Terms highlighted as suggesting an exclude.
    public static var excludeTerms: Self { Self(key: "excludeTerms") }
}

extension ReviewSetting where Value == TopicEmbedding {
    /// The topic's embedding, stored with the records' (so the dense signals need no model).
    public static var topicEmbedding: Self { Self(key: "topicEmbedding") }
}

extension ReviewSetting where Value == RankingTop {
    /// The first records of the newest ranking run (written with the run).
    public static var lastRankingTop: Self { Self(key: "lastRankingTop") }
}

extension ReviewSetting {
    /// The pre-registered stopping rule and its targets (its type belongs to the stopping monitor).
    public static func stoppingRule(_ type: Value.Type) -> Self { Self(key: "stopping") }
    /// The first time each stopping rule said stop, for the audit trail.
    public static func stoppingFirings(_ type: Value.Type) -> Self { Self(key: "stoppingFirings") }
}

extension ReviewDatabase {
    /// A setting's value, or nil when it was never set.
    public func value<T>(_ setting: ReviewSetting<T>) throws -> T? {
        try self.setting(setting.key, as: T.self)
    }

    /// Sets a setting.
    public func setValue<T>(_ setting: ReviewSetting<T>, _ value: T) throws {
        try setSetting(setting.key, value)
    }
}
