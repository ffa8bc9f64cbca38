import Foundation
@testable import QadamData
import Testing

@Suite("CSV parsing")
struct CSVReaderTests {
    static func parse(_ text: String) throws -> [[String]] {
        try CSVReader.parse(Data(text.utf8), file: "t.csv")
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let records = try Self.parse("id,name\r\n1,\"Alma, \"\"Ata\"\"\"\n2,\"two\nlines\"\n")
        #expect(records == [["id", "name"], ["1", "Alma, \"Ata\""], ["2", "two\nlines"]])
    }

    @Test func lastLineWithoutNewlineIsKept() throws {
        #expect(try Self.parse("a,b\n1,") == [["a", "b"], ["1", ""]])
    }

    /// A broken file is an error at its line, not a silently different table.
    @Test func strayAndUnclosedQuotesAreLocatedErrors() {
        for (text, line) in [("a,b\n1,x\"y\n", 2), ("a,b\n1,2\n3,\"open\n4,5\n", 3)] {
            do {
                _ = try Self.parse(text)
                Issue.record("\(text.debugDescription) was accepted")
            } catch let ImportError.unreadable(file, problems) {
                #expect(file == "t.csv")
                #expect(problems.first?.location.line == line, "\(text.debugDescription): \(problems)")
                #expect(problems.first?.message.contains("CSV syntax") == true)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
