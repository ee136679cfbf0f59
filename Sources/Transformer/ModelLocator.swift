import Foundation

/// Finds a BERT model folder without ever downloading: `--model DIR`, then `$TARSIER_MODEL`,
/// then the cache folder `Scripts/fetch-model.sh` fills.
public enum ModelLocator {
    /// Files a model folder must contain.
    public static let requiredFiles = ["config.json", "vocab.txt", "model.safetensors"]

    /// `${XDG_CACHE_HOME:-$HOME/.cache}/tarsier/models/all-MiniLM-L6-v2`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let cache: URL
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            cache = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home =
                environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            cache = home.appendingPathComponent(".cache", isDirectory: true)
        }
        return cache.appendingPathComponent("tarsier/models/all-MiniLM-L6-v2", isDirectory: true)
    }

    /// The model folder to use, or nil if none is complete. An explicit folder (`--model`) or
    /// `$TARSIER_MODEL`, when given, is the only candidate: a wrong path is never silently replaced.
    public static func find(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> URL?
    {
        let candidate: URL
        if let explicit, !explicit.isEmpty {
            candidate = URL(fileURLWithPath: explicit, isDirectory: true)
        } else if let fromEnvironment = environment["TARSIER_MODEL"], !fromEnvironment.isEmpty {
            candidate = URL(fileURLWithPath: fromEnvironment, isDirectory: true)
        } else {
            candidate = defaultDirectory(environment: environment)
        }
        return isComplete(candidate) ? candidate : nil
    }

    /// Whether `directory` holds every file in `requiredFiles`.
    public static func isComplete(_ directory: URL) -> Bool {
        requiredFiles.allSatisfy {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
    }

    /// What to tell the user when `find` returned nil.
    public static func missingModelMessage(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        let files = requiredFiles.joined(separator: ", ")
        if let explicit, !explicit.isEmpty {
            return "no BERT model in \(explicit) (needs \(files))"
        }
        if let fromEnvironment = environment["TARSIER_MODEL"], !fromEnvironment.isEmpty {
            return "no BERT model in TARSIER_MODEL=\(fromEnvironment) (needs \(files))"
        }
        return """
            no BERT model found in \(defaultDirectory(environment: environment).path); \
            get all-MiniLM-L6-v2 with `make model` or `Scripts/fetch-model.sh` \
            (or pass --model DIR / set TARSIER_MODEL)
            """
    }
}
