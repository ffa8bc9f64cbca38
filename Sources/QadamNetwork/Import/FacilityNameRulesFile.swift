import Foundation
import QadamData
import QadamContract

/// A user's own name rules (`qadam import ... --facility-rules FILE.csv`), tried before the
/// built-in table: a CSV with the columns `pattern,kind` and an optional `match`
/// (`prefix`, the default, or `word`), one rule per row in the order they are tried.
///
/// Every problem is an `OSMReadError` located by row (the header is row 1) and column, e.g.
/// `rules.csv: row 4: kind: "clinik" is not one of polyclinic, ...`: the import stops before reading the
/// network, so a typo cannot silently leave facilities with the built-in kinds.
public enum FacilityNameRulesFile {
    public static func read(_ url: URL) throws -> [FacilityNameRule] {
        func fail(_ location: String, _ message: String) -> OSMReadError {
            OSMReadError(source: url.path, location: location, message: message)
        }
        let bytes: [UInt8]
        do { bytes = try [UInt8](Data(contentsOf: url)) } catch {
            throw fail("open", error.localizedDescription)
        }
        let records: [CSVRecordParser.Record]
        do { records = try CSVRecordParser.records(in: bytes) } catch let error as CSVRecordParser.SyntaxError {
            throw fail("line \(error.line)", error.message)
        }
        if let open = records.first(where: \.endsInsideQuote) {
            throw fail("line \(open.line)", "a quoted field is never closed")
        }
        let rows = records.map { $0.fields.map { $0.trimmingCharacters(in: .whitespaces) } }
        guard let header = rows.first?.map({ $0.lowercased() }),
              let patternColumn = header.firstIndex(of: "pattern"), let kindColumn = header.firstIndex(of: "kind") else {
            throw fail("row 1", "the header must name the columns pattern,kind (and optionally match)")
        }
        let matchColumn = header.firstIndex(of: "match")
        var rules: [FacilityNameRule] = []
        for (index, fields) in rows.enumerated().dropFirst() where fields.contains(where: { !$0.isEmpty }) {
            let row = "row \(index + 1)"
            guard fields.count == header.count else {
                throw fail(row, "\(fields.count) fields, the header has \(header.count)")
            }
            let pattern = fields[patternColumn]
            guard !FacilityNameRule.words(pattern).isEmpty else { throw fail(row, "pattern: has no letters or digits") }
            let kindText = fields[kindColumn]
            guard let kind = FacilityKind(parsing: kindText), FacilityNameRules.kinds.contains(kind) else {
                let expected = FacilityNameRules.kinds.map(\.rawValue).joined(separator: ", ")
                throw fail(row, "kind: \"\(kindText)\" is not one of \(expected)")
            }
            var match = FacilityNameMatch.wordPrefix
            if let matchColumn, !fields[matchColumn].isEmpty {
                guard let given = FacilityNameMatch(rawValue: fields[matchColumn].lowercased()) else {
                    throw fail(row, "match: \"\(fields[matchColumn])\" is neither prefix nor word")
                }
                match = given
            }
            rules.append(FacilityNameRule(pattern, kind, match))
        }
        return rules
    }
}
