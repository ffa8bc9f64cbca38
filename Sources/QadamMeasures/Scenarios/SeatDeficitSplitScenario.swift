import Foundation
import QadamData

extension ScenarioRunner {
    /// Splits a documented city-wide total (Almaty's school-seat deficit) across districts in
    /// proportion to a weight column of a fact table (district population). Uses documented
    /// figures only, so it needs no dataset layer.
    func seatDeficitSplit() throws -> ScenarioReport {
        let p = scenario.parameters
        guard let total = p.total, let file = p.splitTable, let keyColumn = p.splitKeyColumn, let weightColumn = p.splitWeightColumn else {
            throw ScenarioError("\(scenario.id): total, split_table, split_key_column and split_weight_column are required")
        }
        let weights = try FactTable(factsDirectory.appendingPathComponent(file)).rows { row in
            (key: try row.required(keyColumn), weight: try row.number(weightColumn))
        }
        let sum = weights.reduce(0) { $0 + $1.weight }
        guard sum > 0 else { throw ScenarioError("\(file): column \(weightColumn) sums to zero") }
        var table = ScenarioTable(title: "Split of \(Int(total)) by \(weightColumn)", columns: ["district", "weight", "share", "deficit"], rows: [])
        var figures: [(String, Double, String)] = []
        for w in weights {
            let part = total * w.weight / sum
            figures.append(("\(w.key).deficit", part, "seats"))
            table.rows.append([w.key, String(Int(w.weight)), String(format: "%.1f%%", 100 * w.weight / sum), String(Int(part.rounded()))])
        }
        figures.insert(("total.deficit", figures.reduce(0) { $0 + $1.1 }, "seats"), at: 0)
        return report(figures: figures, tables: [table])
    }
}
