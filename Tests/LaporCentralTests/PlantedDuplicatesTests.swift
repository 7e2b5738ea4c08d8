import Foundation
import LaporDomain
import Testing

@testable import LaporCentral

/// The demo seed's planted duplicate groups (issue 16) are what they claim, by the rules the
/// suggestions use: among the planted reports alone, each duplicate's best match is in its own
/// group, and the look-alike about the same place but another problem matches nothing.
@Suite struct PlantedDuplicatesTests {
    func report(_ group: Int, _ member: PlantedDuplicates.Member) -> Report {
        let c = PlantedDuplicates.content(group: group, member: member)
        return Report(
            id: String(9_100_000 + group * PlantedDuplicates.period + member.rawValue), version: 1, kind: c.kind, channel: c.channel,
            title: c.title, body: c.body, categoryId: c.categoryId, location: .init(text: c.place), privacy: .public, reporter: c.reporter,
            status: .submitted, unitId: nil, submittedAt: Timestamp(epochSeconds: 1_790_000_000), timeline: [])
    }

    @Test func eachDuplicateMatchesItsOwnGroupFirst() {
        let groups = 0..<70
        var all: [(id: String, features: Similarity.Features)] = []
        for g in groups {
            for m in PlantedDuplicates.Member.allCases {
                let r = report(g, m)
                all.append((r.id, Similarity.features(of: r)))
            }
        }
        var matched = 0
        for g in groups {
            let own = Set([PlantedDuplicates.Member.original, .rephrased, .resubmitted].map { report(g, $0).id })
            for id in own {
                guard let me = all.first(where: { $0.id == id }) else { continue }
                let ranked = Similarity.rank(me.features, id: id, candidates: all)
                if let top = ranked.first {
                    matched += 1
                    #expect(own.contains(top.id), "\(id): \(ranked.prefix(2))")
                }
            }
            let decoy = report(g, .decoy)
            let ranked = Similarity.rank(Similarity.features(of: decoy), id: decoy.id, candidates: all)
            #expect(ranked.isEmpty, "decoy \(decoy.id): \(ranked.prefix(2)) \(decoy.location?.text ?? "")")
        }
        #expect(matched >= groups.count * 3 * 8 / 10, "\(matched) of \(groups.count * 3) have a match")
    }

    @Test func everyProblemHasTwoWordings() {
        #expect(PlantedDuplicates.problems.allSatisfy { $0.titles.count == 2 && $0.sentences.allSatisfy { $0.count == 2 } })
    }

    @Test func groupsAreCountedByTheSeedSize() {
        #expect(PlantedDuplicates.groups(reports: 2_000).count == 10)
        #expect(PlantedDuplicates.groups(reports: 2_000)[0] == .init(duplicates: ["9100100", "9100150", "9100190"], decoy: "9100120"))
        // A seed that ends inside a group counts the members it reached.
        #expect(PlantedDuplicates.groups(reports: 160).first == .init(duplicates: ["9100100", "9100150"], decoy: "9100120"))
        #expect(PlantedDuplicates.groups(reports: 120).isEmpty)
    }
}
