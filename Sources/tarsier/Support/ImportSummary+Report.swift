import ReviewStore

extension ImportSummary {
    /// Prints the warnings raised while storing (a NUL replaced) unless `quiet`, and passes the
    /// summary on; the importer's own warnings are printed before storing.
    func reportingStoreWarnings(quiet: Bool) -> ImportSummary {
        if !quiet { storeWarnings.forEach(Console.error) }
        return self
    }
}
