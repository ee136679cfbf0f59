import ReviewModel
import ScreeningUI

/// A small, hand-written review about proton beam therapy (invented records, no real data).
enum SampleSession {
    static let records: [(String, String, [String], String, Int, Double)] = [
        (
            "Proton therapy for prostate cancer: a systematic review of outcomes",
            "BACKGROUND: Proton beam therapy delivers a dose distribution that spares normal tissue. METHODS: We searched MEDLINE for prostate cancer trials comparing protons with photon IMRT. RESULTS: 14 studies (n = 2,310) reported biochemical control and toxicity. CONCLUSIONS: Evidence for a benefit of proton beam therapy over photon radiotherapy in prostate cancer remains limited.",
            ["Smith J", "Kumar R", "Olsen M"], "Int J Radiat Oncol Biol Phys", 2004, 0.97
        ),
        (
            "Comparative effectiveness of proton and photon radiotherapy in lung cancer",
            "We compared proton beam therapy with photon radiotherapy for stage III non-small cell lung cancer in a retrospective cohort of 412 patients.",
            ["Lee A", "Chen W"], "Radiother Oncol", 2009, 0.91
        ),
        (
            "Carbon ion and proton beams in the treatment of uveal melanoma",
            "Charged particle therapy for uveal melanoma: local control and eye preservation after carbon ion or proton beam irradiation.",
            ["Dupont C", "Martin L", "Bernard P", "Petit S"], "Ophthalmology", 1998, 0.74
        ),
        (
            "Toxicity after proton beam for paediatric medulloblastoma",
            "Craniospinal irradiation with protons in 40 children: hearing loss and endocrine toxicity at five years.",
            ["Garcia M"], "Pediatr Blood Cancer", 2011, 0.66
        ),
        (
            "Cost of hospital car parking in three countries",
            "A survey of parking fees at 120 hospitals.",
            ["Brown T"], "BMJ", 2015, 0.12
        ),
        (
            "Intensity-modulated photon radiotherapy for head and neck cancer",
            "A phase II trial of IMRT in 96 patients with oropharyngeal carcinoma.",
            ["Ito K", "Sato Y"], "Lancet Oncol", 2013, 0.52
        ),
        (
            "Dosimetric comparison of spot-scanning protons and IMRT for breast cancer",
            "Planning study in 20 left-sided breast cancer patients: heart and lung dose with proton beam therapy versus photon IMRT.",
            ["Novak P"], "Med Phys", 2016, 0.81
        ),
        (
            "A cohort study of coffee consumption and mortality",
            "Coffee drinking was associated with lower all-cause mortality in 400,000 adults.",
            ["White H", "Black K"], "N Engl J Med", 2012, 0.05
        ),
    ]

    static let topicTerms = ["proton beam", "prostate cancer", "radiotherap*"]

    /// A fresh session over the sample records for one assessor.
    static func make(assessor: String = "alice") -> InMemoryScreeningSession {
        let items = records.enumerated().map { index, record in
            InMemoryScreeningSession.Item(
                id: Int64(index + 1),
                fields: ReferenceFields(
                    type: "JOUR", title: record.0, abstract: record.1, authors: record.2, journal: record.3,
                    year: record.4, doi: "10.1000/sample.\(index + 1)", pmid: String(15_230_000 + index),
                    keywords: index == 0 ? ["proton therapy", "prostate"] : [],
                    meshTerms: index == 0 ? ["Prostatic Neoplasms/radiotherapy", "Proton Therapy"] : []),
                score: record.5)
        }
        return InMemoryScreeningSession(
            title: "Proton beam therapy versus other radiotherapy", assessor: assessor, items: items,
            terms: HighlightTerms(topic: topicTerms, include: ["IMRT"], exclude: ["cohort"]),
            exclusionReasons: ["wrong population", "wrong intervention", "not a primary study"],
            modelVersion: 3)
    }

    /// A loop at 80×24 over a fresh sample session, started.
    static func loop(size: Size = Size(columns: 80, rows: 24), keyMap: KeyMap = .standard) -> (
        EventLoop, InMemoryScreeningSession
    ) {
        let session = make()
        let loop = EventLoop(session: session, size: size, keyMap: keyMap)
        loop.start()
        return (loop, session)
    }
}
