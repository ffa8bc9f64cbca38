import Testing
import PropertyBased
import QadamMeasures
import TestSupport

@Suite struct WhatIfTests {
    @Test func addingASchoolRemovesExactlyTheGapItShould() throws {
        // Three neighbourhoods; the existing school reaches only the first. A new school 300 m
        // from the second and 700 m from the third (beyond the 500 m radius) should cover the
        // second and nothing else.
        let demand = [DemandSite(id: "a", population: 1_200, groups: ["district": "A"]),
                      DemandSite(id: "b", population: 900, groups: ["district": "A"]),
                      DemandSite(id: "c", population: 400, groups: ["district": "B"])]
        let supply = [SupplySite(id: "school-1", capacity: 800, groups: ["district": "A"])]
        let costs = try DenseCostMatrix(unit: .metres, supplyCount: 1, costs: [[200], [1_400], [2_500]])
        let baseline = try WhatIfBaseline(demand: demand, supply: supply, costs: costs, cutoff: 500,
                                          seatGroupKey: "district", provisionMaxCost: { _ in 500 })
        let newCosts: [Double?] = [1_100, 300, 700]
        let r = try baseline.evaluate([.add(SupplySite(id: "school-new", capacity: 600, groups: ["district": "A"]),
                                            costsToNewSite: { newCosts[$0] })])
        #expect(r.coverage.newlyCovered.map(\.id) == ["b"])
        #expect(r.coverage.newlyUncovered.isEmpty)
        #expect(r.coverage.change == 900 && r.coverage.coveredAfter == 2_100)
        #expect(r.addedSupplyIndices == [1])
        #expect(r.seats?.map(\.group) == ["A"])
        #expect(r.seats?[0].before.deficit == 1_300 && r.seats?[0].after.deficit == 700)
        #expect(r.provision?.newlyMet.map(\.id) == ["b"] && r.provision?.metAfter == 2)
    }

    @Test func incrementalScenarioMatchesRecomputingFromScratch() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = seeded(seed)
            let s = randomScenario(using: &rng)
            let maxCost = Double(Int.random(in: 0...100, using: &rng))
            let baseline = try! WhatIfBaseline(demand: s.demand, supply: s.supply, costs: s.costs, cutoff: s.cutoff,
                                               seatGroupKey: GroupKey.district, normSeatsPerThousand: 120,
                                               provisionMaxCost: { $0.groups[GroupKey.settlementClass] == "village_support" ? maxCost : nil })
            var changes: [FacilityChange] = []
            var removed = Set<Int>(), scenarioSupply = s.supply, added: [[Double?]] = []
            for j in s.supply.indices {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: changes.append(.remove(j)); removed.insert(j)
                case 1:
                    let c = Double(Int.random(in: 0...500, using: &rng))
                    changes.append(.resize(j, capacity: c)); scenarioSupply[j].capacity = c
                default: break
                }
            }
            for k in 0..<Int.random(in: 0...2, using: &rng) {
                let column: [Double?] = s.demand.indices.map { _ in
                    Int.random(in: 0..<3, using: &rng) == 0 ? nil : Double(Int.random(in: 0...100, using: &rng))
                }
                let site = SupplySite(id: "new\(k)", capacity: 100, groups: [GroupKey.district: districts[k]])
                changes.append(.add(site, costsToNewSite: { column[$0] }))
                added.append(column)
                scenarioSupply.append(site)
            }
            let r = try! baseline.evaluate(changes)

            // From scratch on the overlay: removed facilities keep their index with no capacity.
            let overlay = try! OverlayTravelCosts(base: s.costs, removed: removed, added: added)
            for j in removed { scenarioSupply[j].capacity = 0 }
            let before = try! Coverage.measure(demand: s.demand, supply: s.supply, costs: s.costs, cutoff: s.cutoff)
            let after = try! Coverage.measure(demand: s.demand, supply: scenarioSupply, costs: overlay, cutoff: s.cutoff)
            #expect(r.coverage.coveredBefore == before.coveredPopulation)
            #expect(r.coverage.coveredAfter == after.coveredPopulation, "seed \(seed)")
            let lost = Set(after.uncovered.map(\.index)).subtracting(before.uncovered.map(\.index))
            let gained = Set(before.uncovered.map(\.index)).subtracting(after.uncovered.map(\.index))
            #expect(Set(r.coverage.newlyUncovered.map(\.index)) == lost)
            #expect(Set(r.coverage.newlyCovered.map(\.index)) == gained)

            let seatsAfter = try! SeatBalance.measure(demand: s.demand, supply: scenarioSupply, groupKey: GroupKey.district,
                                                      normSeatsPerThousand: 120)
            for g in r.seats ?? [] {
                let row = seatsAfter.rows.first { $0.group == g.group }
                #expect(row.map { close($0.seats, g.after.seats) && close($0.deficit, g.after.deficit) } ?? false)
                #expect(row.map { close($0.normDeficit, g.after.normDeficit) } ?? false)
            }
            let unchanged = seatsAfter.rows.filter { row in !(r.seats ?? []).contains { $0.group == row.group } }
            let seatsBefore = try! SeatBalance.measure(demand: s.demand, supply: s.supply, groupKey: GroupKey.district)
            for row in unchanged {
                #expect(row.seats == (seatsBefore.rows.first { $0.group == row.group }?.seats ?? 0))
            }

            let required = s.demand.indices.filter { s.demand[$0].groups[GroupKey.settlementClass] == "village_support" }
            let metAfter = required.filter { (overlay.nearest(from: $0)?.cost ?? .infinity) <= maxCost }
            #expect((r.provision?.metAfter ?? 0) == metAfter.count, "seed \(seed)")
        }
    }

    @Test func unknownFacilityIsReported() throws {
        let costs = try DenseCostMatrix(unit: .metres, supplyCount: 1, costs: [[1]])
        let baseline = try WhatIfBaseline(demand: [DemandSite(id: "a", population: 1)], supply: [SupplySite(id: "s", capacity: 1)],
                                          costs: costs, cutoff: 5)
        #expect(throws: AccessError.unknownSupply(index: 3, count: 1)) { try baseline.evaluate([.remove(3)]) }
    }
}
