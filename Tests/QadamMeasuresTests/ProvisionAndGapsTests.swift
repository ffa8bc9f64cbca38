import Testing
import PropertyBased
import QadamMeasures
import TestSupport
import QadamContract

/// Almaty's outskirts as in the 2023 voluntary local review: Теректы (8,000 people) and
/// Алгабас (16,000) are served by City Polyclinic No. 29, 17 km and 12 km away.
private func outskirts() throws -> (settlements: [DemandSite], services: [ServiceReach], requirements: [String: [ProvisionRequirement]]) {
    let settlements = [
        DemandSite(id: "terekty", name: "Теректы", population: 8_000,
                   groups: [GroupKey.settlementClass: "village_other", GroupKey.district: "Алатауский"]),
        DemandSite(id: "algabas", name: "Алгабас", population: 16_000,
                   groups: [GroupKey.settlementClass: "village_support", GroupKey.district: "Алатауский"]),
        DemandSite(id: "centre", name: "Центр", population: 40_000,
                   groups: [GroupKey.settlementClass: "village_support", GroupKey.district: "Медеуский"]),
    ]
    let polyclinics = ServiceReach(kind: "polyclinic", supply: [SupplySite(id: "gp29", name: "ГП №29", capacity: 500)],
                                   costs: try DenseCostMatrix(unit: .metres, supplyCount: 1, costs: [[17_000], [12_000], [800]]))
    let schools = ServiceReach(kind: "school", supply: [SupplySite(id: "sch1", capacity: 900), SupplySite(id: "sch2", capacity: 900)],
                               costs: try DenseCostMatrix(unit: .metres, supplyCount: 2, costs: [[400, nil], [2_000, 700], [nil, 300]]))
    let requirements: [String: [ProvisionRequirement]] = [
        "village_other": [ProvisionRequirement(kind: "polyclinic", maxCost: 1_000, norm: "polyclinic-1000m"),
                          ProvisionRequirement(kind: "school", maxCost: 500, norm: "school-500m")],
        "village_support": [ProvisionRequirement(kind: "polyclinic", maxCost: 1_000, norm: "polyclinic-1000m"),
                            ProvisionRequirement(kind: "school", maxCost: 500, norm: "school-500m")],
    ]
    return (settlements, [polyclinics, schools], requirements)
}

@Suite struct ProvisionTests {
    @Test func sharesAndRollUpsByHand() throws {
        let o = try outskirts()
        let r = try Provision.measure(settlements: o.settlements, requirements: o.requirements, services: o.services,
                                      groupBy: [GroupKey.district])
        #expect(r.settlements.map(\.share) == [0.5, 0, 1])
        let terekty = r.settlements[0].checks[0]
        #expect(terekty.kind == "polyclinic" && terekty.norm == "polyclinic-1000m" && terekty.unit == .metres)
        #expect(!terekty.met && terekty.nearestFacilityId == "gp29" && terekty.nearestCost == 17_000)
        let alatau = try #require(r.groups.first { $0.value == "Алатауский" })
        #expect(alatau.countWeightedShare == 0.25)
        #expect(alatau.populationWeightedShare == 4_000.0 / 24_000)
        #expect(r.overall.required == 6 && r.overall.met == 3)
        #expect(r.overall.populationWeightedShare == 44_000.0 / 64_000)
    }

    @Test func rollUpsAgreeWithPerSettlementSharesOnRandomData() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = seeded(seed)
            let s = randomScenario(using: &rng)
            let requirements = ["village_support": [ProvisionRequirement(kind: "k", maxCost: s.cutoff)]]
            let r = try! Provision.measure(settlements: s.demand, requirements: requirements,
                                           services: [ServiceReach(kind: "k", supply: s.supply, costs: s.costs)],
                                           groupBy: [GroupKey.district])
            for row in r.settlements {
                let required = s.demand[row.index].groups[GroupKey.settlementClass] == "village_support"
                #expect(row.required == (required ? 1 : 0))
                if required {
                    let met = s.supply.indices.contains { within(s, row.index, $0) != nil }
                    #expect(row.share == (met ? 1 : 0))
                } else {
                    #expect(row.share == nil)
                }
            }
            #expect(r.groups.reduce(0) { $0 + $1.met } == r.overall.met)
            #expect(r.groups.reduce(0) { $0 + $1.settlements } == r.overall.settlements)
        }
    }

    @Test func unknownKindIsReported() throws {
        let o = try outskirts()
        #expect(throws: AccessError.missingService(kind: "school")) {
            try Provision.measure(settlements: o.settlements, requirements: o.requirements, services: [o.services[0]])
        }
    }

    /// A class word outside the СРС classes is refused, naming the settlement and the classes.
    @Test func unknownSettlementClassIsReported() throws {
        var o = try outskirts()
        o.settlements[1].groups[GroupKey.settlementClass] = "hamlet"
        #expect(throws: AccessError.invalidParameter(name: "class of settlement algabas", value: "hamlet",
                                                     reason: SettlementClass.refusal(of: "hamlet"))) {
            try Provision.measure(settlements: o.settlements, requirements: o.requirements, services: o.services)
        }
    }
}

@Suite struct ServiceGapsTests {
    @Test func villageSeventeenKilometresFromItsPolyclinicIsAGapWithTheRightPopulation() throws {
        let o = try outskirts()
        let provision = try Provision.measure(settlements: o.settlements, requirements: o.requirements, services: o.services)
        let r = ServiceGaps.rank(provision)
        #expect(r.gaps.map { "\($0.settlementId)/\($0.kind)" } == ["algabas/polyclinic", "algabas/school", "terekty/polyclinic"])
        let terekty = try #require(r.gaps.first { $0.settlementId == "terekty" })
        #expect(terekty.population == 8_000 && terekty.nearestCost == 17_000 && terekty.nearestFacilityId == "gp29")
        #expect(terekty.sentence == "Теректы, 8,000 people, 17.0 km to the nearest polyclinic")
        #expect(r.populationAffectedByKind == ["polyclinic": 24_000, "school": 16_000])
        #expect(r.settlementsAffected == 2 && r.populationAffected == 24_000)
        #expect(ServiceGaps.rank(provision, limit: 1).gaps.count == 1)
    }

    @Test func sentenceWithoutAnyReachableFacility() {
        #expect(ServiceGaps.sentence(name: "Арна", population: 1_234_567, label: "feldsher post", nearestCost: nil, unit: .seconds)
                == "Арна, 1,234,567 people, no feldsher post within the search horizon")
    }
}
