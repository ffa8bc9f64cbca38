import PropertyBased
import QadamMeasures
import TestSupport

/// Random but reproducible inputs for property tests: small enough for slow references.
struct Scenario {
    var demand: [DemandSite]
    var supply: [SupplySite]
    var matrix: [[Double?]]
    var costs: DenseCostMatrix
    var cutoff: Double
}

func seeded(_ seed: Int) -> Xoshiro {
    Xoshiro(seed: (UInt64(bitPattern: Int64(seed)), 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 1))
}

let districts = ["Алатауский", "Бостандыкский", "Медеуский"]

/// Integer populations, capacities and costs so that sums are exact and ties really occur.
func randomScenario<R: RandomNumberGenerator>(using rng: inout R, maxDemand: Int = 12, maxSupply: Int = 6,
                                              maxPopulation: Int = 1000) -> Scenario {
    let n = Int.random(in: 0...maxDemand, using: &rng), m = Int.random(in: 0...maxSupply, using: &rng)
    let demand = (0..<n).map { i in
        DemandSite(id: "d\(i)", population: Double(Int.random(in: 0...maxPopulation, using: &rng)),
                   weight: [1, 0.5, 0.25].randomElement(using: &rng)!,
                   groups: [GroupKey.district: districts.randomElement(using: &rng)!,
                            GroupKey.settlementClass: ["village_other", "village_support"].randomElement(using: &rng)!])
    }
    let supply = (0..<m).map { j in
        SupplySite(id: "s\(j)", capacity: Double(Int.random(in: 0...maxPopulation, using: &rng)),
                   groups: [GroupKey.district: districts.randomElement(using: &rng)!])
    }
    let matrix: [[Double?]] = (0..<n).map { _ in
        (0..<m).map { _ in Int.random(in: 0..<10, using: &rng) < 3 ? nil : Double(Int.random(in: 0...100, using: &rng)) }
    }
    return Scenario(demand: demand, supply: supply, matrix: matrix,
                    costs: try! DenseCostMatrix(unit: .metres, supplyCount: m, costs: matrix),
                    cutoff: Double(Int.random(in: 0...100, using: &rng)))
}

/// Costs within the cutoff straight from the matrix, the way a person would read it.
func within(_ s: Scenario, _ i: Int, _ j: Int) -> Double? {
    s.matrix[i][j].flatMap { $0 <= s.cutoff ? $0 : nil }
}

func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return close(x, y, tolerance: tolerance)
    default: return false
    }
}
