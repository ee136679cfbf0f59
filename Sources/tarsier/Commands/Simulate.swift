import ArgumentParser
import Evaluation
import Foundation
import Ranking
import Reports
import ReviewModel

/// `tarsier simulate`: replay screening of a labelled dataset through the active-learning loop.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay screening of a labelled CSV and report WSS@95, recall and more.",
        discussion: """
            Screens every record of DATASET.csv (or of an export with --labels) one at a time with the same loop the screening \
            UI uses, retraining after every decision. With a topic and no priors the first \
            ranking is BM25 against the topic (the CLEF protocol); with priors and no topic, \
            the learner starts from the priors (the ASReview protocol). Metrics are defined in \
            Documentation/Metrics.md.
            """)

    @Argument(
        help:
            "Labelled CSV: record_id,title,abstract,label_included (or ASReview's shape); with --labels, any file `import` reads."
    )
    var dataset: String
    @Option(
        help: "Labels CSV (pmid, doi or record_id + label_included) for an export DATASET, read as `import` stores it.")
    var labels: String?
    @Option(help: "Topic JSON with title, optional objective and Boolean query.")
    var topic: String?
    @Option(name: .customLong("prior"), help: "record_id screened before any ranking (repeatable).")
    var priors: [String] = []
    @Option(help: "Seed for choosing random priors.") var priorSeed: UInt64?
    @Option(name: .customLong("n-prior-included"), help: "Number of random included priors.") var priorIncluded = 0
    @Option(name: .customLong("n-prior-excluded"), help: "Number of random excluded priors.") var priorExcluded = 0
    @Option(
        help: "Ranker: \(RankerID.list); several, comma-separated, compare them.")
    var ranker = "hybrid"
    @Option(help: "Seed of every random choice.") var seed: UInt64 = 0
    @Option(help: "Several seeds, comma-separated (e.g. 1,2,3): compare rankers over them (median and band).")
    var seeds: String?
    @Option(help: "Write record_ids in screening order (priors first), one per line.") var orderOut: String?
    @Option(help: "Write the recall curve: FILE.csv or FILE.svg (repeatable).") var curveOut: [String] = []
    @Flag(help: "Print the report as JSON.") var json = false
    @Option(
        help: "dual: also simulate single and dual screening by assessors who err (--assessor-error) and compare them.")
    var mode: AssessorTeam.Mode = .single
    @Option(help: "Probability that a simulated assessor mislabels a record (with --mode dual; default 0.05).")
    var assessorError: Double?
    @Option(
        name: .customLong("stop-rule"),
        help: "Replay a stopping rule on the order: hypergeometric, knee, consecutive_excludes or all (repeatable).")
    var stopRules: [String] = []
    @Option(help: "BERT model folder for the dense rankers (default: $TARSIER_MODEL, then the cache folder).")
    var model: String?
    @Option(help: "Embedding cache file (default: ${XDG_CACHE_HOME:-~/.cache}/tarsier/embeddings/<model>.f32).")
    var embeddingsCache: String?
    @Option(help: .hidden) var denseC: Double?
    @Option(help: .hidden) var svmC: Double?
    @Option(help: .hidden) var pseudoExcludes: Int?
    @Option(help: .hidden) var pseudoExcludeFraction: Double?
    @Option(help: .hidden) var fusionWeighting: String?
    @Option(help: .hidden) var fusionNormalisation: String?
    @Option(help: .hidden) var fusionHalfLife: Double?
    @Option(help: .hidden) var fusionSharpness: Double?
    @Option(help: .hidden) var fusionSignals: String?
    @Option(help: .hidden) var fusionPenalisesExcludes: Bool?
    @Option(help: .hidden) var fusionAnchor: Double?
    @Option(help: .hidden) var fusionConfidence: Double?
    @Option(help: .hidden) var fusionExploration: Double?
    @Option(help: .hidden) var fusionBanditDepth: Int?
    @Option(help: .hidden) var fusionLeaderMargin: Double?
    @Option(help: .hidden) var inverseRegularization: Double?
    @Option(help: .hidden) var includeWeight: Double?
    @Option(help: .hidden) var includeRatio: Double?
    @Option(help: .hidden) var minDf: Int?
    @Option(help: .hidden) var topicPseudoIncludes: Int?
    @Option(help: .hidden) var randomFraction: Double?
    @Flag(help: .hidden) var noBigrams = false
    @Option(help: .hidden) var stopWords: Bool?
    @Option(help: .hidden) var tolerance: Double?
    @Option(help: .hidden) var newtonSteps: Int?

    /// The rankers asked for (`--ranker a,b,c`).
    var rankerNames: [String] { ranker.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    /// The rankers asked for, once `validate` has checked every name.
    var rankerIDs: [RankerID] { rankerNames.compactMap(RankerID.init(rawValue:)) }
    /// The seeds asked for (`--seeds 1,2,3`, else `--seed`).
    var seedList: [UInt64] {
        seeds.map { $0.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) } } ?? [seed]
    }
    /// More than one ranker or seed: a comparison.
    var isComparison: Bool { rankerIDs.count > 1 || seedList.count > 1 }

    func validate() throws {
        for name in rankerNames where RankerID(rawValue: name) == nil {
            throw ValidationError("unknown ranker '\(name)'; choose one of \(RankerID.list)")
        }
        for name in (fusionSignals ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where RankerID(rawValue: name).map({ !HybridRanker.fusibleSignals.contains($0) }) ?? true {
            throw ValidationError(
                "--fusion-signals: '\(name)' is not a signal the hybrid can fuse; choose from "
                    + HybridRanker.fusibleSignals.map(\.rawValue).joined(separator: ", "))
        }
        if let seeds, seedList.isEmpty || seedList.count != seeds.split(separator: ",").count {
            throw ValidationError("--seeds takes comma-separated whole numbers, e.g. 1,2,3")
        }
        if isComparison && (orderOut != nil || mode == .dual || assessorError != nil) {
            throw ValidationError("--order-out and --mode dual take one ranker and one seed")
        }
        if let fusionNormalisation, ScoreNormalisation(rawValue: fusionNormalisation) == nil {
            throw ValidationError("unknown fusion normalisation '\(fusionNormalisation)'")
        }
        if let fusionWeighting, FusionWeighting(rawValue: fusionWeighting) == nil {
            throw ValidationError(
                "unknown fusion weighting '\(fusionWeighting)'; choose one of "
                    + FusionWeighting.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let fusionExploration, fusionExploration < 0 {
            throw ValidationError("--fusion-exploration must be 0 or more")
        }
        if let fusionBanditDepth, fusionBanditDepth < 1 {
            throw ValidationError("--fusion-bandit-depth must be 1 or more")
        }
        if let assessorError, !(0...0.5).contains(assessorError) {
            throw ValidationError("--assessor-error must be between 0 and 0.5")
        }
        for path in curveOut where !(path.hasSuffix(".csv") || path.hasSuffix(".svg")) {
            throw ValidationError("--curve-out must end in .csv or .svg: \(path)")
        }
    }

    func run() async throws {
        let start = Date()
        do {
            let data =
                try labels.map { try SimulationDataset(export: dataset, labels: $0) }
                ?? SimulationDataset(contentsOf: dataset)
            if !data.unrankedColumns.isEmpty {
                FileHandle.standardError.write(
                    Data(
                        ("tarsier simulate: \(dataset): column(s) \(data.unrankedColumns.joined(separator: ", ")) not ranked on "
                            + "(tarsier ranks title and abstract, as the screen does)\n").utf8))
            }
            let reviewTopic = try topic.map {
                try JSONDecoder().decode(Topic.self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
            }
            if isComparison {
                try runComparison(data: data, topic: reviewTopic)
                return
            }
            let priorIndices = try choosePriors(data, seed: seed)
            let configuration = makeConfiguration(ranker: rankerIDs[0], seed: seed)
            let embeddings = try loadEmbeddings(data, topic: reviewTopic, rankers: rankerIDs)
            var cycle = try makeCycle(configuration, data: data, topic: reviewTopic, embeddings: embeddings)
            let result = try Simulation(labels: data.labels, priors: priorIndices).run(&cycle)
            let metrics = try ScreeningMetrics(labelsInScreeningOrder: result.labels(from: data.labels))
            try writeOutputs(result: result, metrics: metrics, data: data)
            var report = SimulationReport(
                dataset: URL(fileURLWithPath: dataset).lastPathComponent, ranker: ranker, seed: seed,
                priors: priorIndices.map { data.recordIDs[$0] }, records: metrics.recordCount,
                includes: metrics.includeCount, wss95: metrics.wss95, wss100: metrics.wss100, rrf10: metrics.rrf10,
                rrf5: metrics.rrf5, lastIncludeRank: metrics.lastIncludeRank, atd: metrics.averageTimeToDiscovery,
                ap: metrics.averagePrecision, randomPicks: result.pickedAt.filter { $0 == .random }.count,
                retrainMedianMilliseconds: SimulationReport.percentile(result.retrainSeconds, 0.5) * 1000,
                retrainP95Milliseconds: SimulationReport.percentile(result.retrainSeconds, 0.95) * 1000,
                wallSeconds: Date().timeIntervalSince(start), configuration: configuration)
            let weights = result.weights.finished
            if !weights.isEmpty { report.weights = weights }
            if !stopRules.isEmpty {
                report.stopping = try SimulationStopping.replay(
                    labels: result.labels(from: data.labels), pickedAtRandom: result.pickedAt.map { $0 == .random },
                    ruleIDs: stopRules)
            }
            if mode == .dual || assessorError != nil {
                report.team = try SimulationTeam.compare(
                    errorRate: assessorError ?? 0.05, seed: seed, labels: data.labels, priors: priorIndices
                ) {
                    try makeCycle(configuration, data: data, topic: reviewTopic, embeddings: embeddings)
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.text)
                if let stopping = report.stopping { print(SimulationStopping.text(stopping)) }
                if let team = report.team { print(SimulationTeam.text(team)) }
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            FileHandle.standardError.write(Data("tarsier simulate: \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// A fresh active-learning cycle over the dataset for one configuration (rankers built anew).
    func makeCycle(
        _ configuration: CycleConfiguration, data: SimulationDataset, topic: Topic?, embeddings: DenseEmbeddings?
    ) throws -> ActiveLearningCycle {
        ActiveLearningCycle(
            poolSize: data.texts.count,
            rankers: try RankerRegistry.makeRankers(
                configuration: configuration, documents: data.texts, topic: topic, embeddings: embeddings),
            querier: configuration.querier, seed: configuration.seed)
    }

    /// The cycle's configuration for one ranker and seed, with the hidden tuning options applied.
    func makeConfiguration(ranker: RankerID, seed: UInt64) -> CycleConfiguration {
        var configuration = CycleConfiguration(ranker: ranker, seed: seed)
        if let inverseRegularization { configuration.inverseRegularization = inverseRegularization }
        if let includeWeight { configuration.includeWeight = includeWeight }
        if let includeRatio { configuration.includeMassRatio = includeRatio }
        if let minDf { configuration.minimumDocumentFrequency = minDf }
        if let topicPseudoIncludes { configuration.topicPseudoIncludes = topicPseudoIncludes }
        if let randomFraction { configuration.randomFraction = randomFraction }
        if noBigrams { configuration.includesBigrams = false }
        if let stopWords { configuration.removesStopWords = stopWords }
        if let tolerance { configuration.solverTolerance = tolerance }
        if let newtonSteps { configuration.maximumNewtonSteps = newtonSteps }
        configuration.denseInverseRegularization = denseC
        configuration.svmInverseRegularization = svmC
        configuration.pseudoExcludes = pseudoExcludes
        configuration.pseudoExcludeFraction = pseudoExcludeFraction
        configuration.fusionWeighting = fusionWeighting.flatMap(FusionWeighting.init(rawValue:))
        configuration.fusionNormalisation = fusionNormalisation.flatMap(ScoreNormalisation.init(rawValue:))
        configuration.fusionHalfLife = fusionHalfLife
        configuration.fusionSharpness = fusionSharpness
        configuration.fusionPenalisesExcludes = fusionPenalisesExcludes
        configuration.fusionAnchorStrength = fusionAnchor
        configuration.fusionConfidence = fusionConfidence
        configuration.fusionExploration = fusionExploration
        configuration.fusionBanditDepth = fusionBanditDepth
        configuration.fusionLeaderMargin = fusionLeaderMargin
        configuration.fusionSignals = fusionSignals.map {
            $0.split(separator: ",").compactMap { RankerID(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        }
        return configuration
    }

    /// Embeddings when a ranker uses them. The hybrid without a model says so and goes on with
    /// its classical signals; the dense rankers cannot.
    func loadEmbeddings(_ data: SimulationDataset, topic: Topic?, rankers: [RankerID]) throws -> DenseEmbeddings? {
        guard rankers.contains(where: \.usesEmbeddings) else { return nil }
        do {
            return try SimulationEmbeddings.load(
                texts: data.texts, topic: topic, model: model, cachePath: embeddingsCache)
        } catch let error as SimulationCommandError
            where !rankers.contains(where: { $0 == .denseTopic || $0 == .denseLR || $0 == .concatLR })
        {
            FileHandle.standardError.write(
                Data("tarsier simulate: no embeddings, hybrid uses classical signals only: \(error)\n".utf8))
            return nil
        }
    }

    func choosePriors(_ data: SimulationDataset, seed: UInt64) throws -> [Int] {
        let indexOf = Dictionary(data.recordIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen = try priors.map { id in
            guard let index = indexOf[id] else { throw EvaluationError.unknownPrior(id) }
            return index
        }
        if priorIncluded > 0 || priorExcluded > 0 {
            var generator = SeededGenerator(seed: priorSeed ?? seed)
            let included = data.labels.indices.filter { data.labels[$0] && !chosen.contains($0) }.shuffled(
                using: &generator)
            let excluded = data.labels.indices.filter { !data.labels[$0] && !chosen.contains($0) }.shuffled(
                using: &generator)
            chosen += included.prefix(priorIncluded) + excluded.prefix(priorExcluded)
        }
        return chosen
    }

    private func writeOutputs(result: Simulation.Result, metrics: ScreeningMetrics, data: SimulationDataset) throws {
        if let orderOut {
            let text = result.order.map { data.recordIDs[$0] }.joined(separator: "\n") + "\n"
            try text.write(toFile: orderOut, atomically: true, encoding: .utf8)
        }
        let title =
            "\(URL(fileURLWithPath: dataset).deletingPathExtension().lastPathComponent) — \(ranker), seed \(seed)"
        // The chart is the comparison chart with one run: its curve, the random and ideal orders,
        // and the 95 %-recall point with WSS@95.
        var chart = RecallComparison(
            title: title, poolSize: metrics.recordCount, totalRelevant: metrics.includeCount,
            runs: [RecallComparison.Run(name: ranker, relevant: result.labels(from: data.labels))])
        chart.showsIdeal = true
        for path in curveOut {
            let text = path.hasSuffix(".svg") ? try chart.svg() : RecallCurvePlot(metrics: metrics, title: title).csv()
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
