@testable import QadamData
import Testing

@Suite("CSV parsing")
struct CSVReaderTests {
    @Test func quotedFieldsKeepCommasQuotesAndNewlines() {
        let records = CSVReader.parse("id,name\r\n1,\"Alma, \"\"Ata\"\"\"\n2,\"two\nlines\"\n")
        #expect(records == [["id", "name"], ["1", "Alma, \"Ata\""], ["2", "two\nlines"]])
    }

    @Test func lastLineWithoutNewlineIsKept() {
        #expect(CSVReader.parse("a,b\n1,") == [["a", "b"], ["1", ""]])
    }
}
