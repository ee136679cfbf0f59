import Foundation
import GRDB

extension ReviewDatabase {
    /// The classical features kept under `key` (`ClassicalFeatures.cacheKey`), if any.
    public func cachedFeatures(key: String) throws -> Data? {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM featureCache WHERE key = ?", arguments: [key])
        }
    }

    /// Keeps `data` under `key`, replacing whatever was kept before (one entry per review). Does
    /// nothing on a review opened read-only.
    public func storeCachedFeatures(_ data: Data, key: String) throws {
        guard !isReadOnly else { return }
        try writer.write { db in
            try db.execute(sql: "DELETE FROM featureCache")
            try db.execute(
                sql: "INSERT INTO featureCache (key, data, createdAt) VALUES (?, ?, ?)", arguments: [key, data, Date()])
        }
    }
}
