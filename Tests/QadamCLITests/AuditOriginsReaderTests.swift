import Foundation
import QadamData
import QadamGeo
import Testing
@testable import QadamCLI

@Suite struct AuditOriginsReaderTests {
    private func read(_ text: String) throws -> [AuditOrigin] {
        try OriginsReader.read(Data(text.utf8), name: "origins.csv")
    }

    private func error(_ text: String) -> OriginsFileError? {
        do { _ = try read(text); return nil } catch { return error as? OriginsFileError }
    }

    @Test func csvWithExtraColumnsQuotesBOMAndCRLF() throws {
        let origins = try read("\u{FEFF}name,LON,id,Lat\r\n\"School, №1\",76.9,a1,43.2\r\n\r\nx,76.95,\"a\"\"2\",43.25\r\n")
        #expect(origins == [AuditOrigin(id: "a1", lon: 76.9, lat: 43.2), AuditOrigin(id: "a\"2", lon: 76.95, lat: 43.25)])
    }

    @Test func unreadableCoordinatesBecomeOriginsWithAProblem() throws {
        let origins = try read("id,lon,lat\na,abc,43\nb,76.9,\nc,nan,43\nd,76.9,91\ne,76.9,43.1\n")
        #expect(origins.map(\.id) == ["a", "b", "c", "d", "e"])
        #expect(origins[0].problem == "lon 'abc' is not a number")
        #expect(origins[1].problem == "lat '' is not a number")
        #expect(origins[2].problem?.contains("not a number") == true)
        #expect(origins[3].problem?.contains("lat 91.0 is outside EPSG:4326 bounds") == true)
        #expect(origins[4].problem == nil)
    }

    @Test func brokenCSVIsLocated() {
        #expect(error("id,easting,lat\n1,2,3\n")?.description == "origins.csv: line 1: no lon column in the header (found: id, easting, lat; accepted names: lon, lng, longitude, x)")
        #expect(error("id,lat\n1,2\n")?.location == "line 1")
        #expect(error("id,lon,lat\n1,2,3\n2,3\n")?.description == "origins.csv: line 3: 2 fields where the header has 3")
        #expect(error("id,lon,lat\n1,2,3\n\"2,3,4\n5,6,7\n")?.description == "origins.csv: line 3: a quoted field is never closed")
        #expect(error("id,lon,lat\n1,2\"x,3\n")?.location == "line 2")
        #expect(error("id,lon,lat\na,1,2\nb,1,2\na,3,4\n")?.description == "origins.csv: line 4: duplicate id 'a' (first at line 2)")
        #expect(error("id,lon,lat\n ,1,2\n")?.message == "empty id")
        #expect(error("")?.message.contains("empty") == true)
    }

    @Test func geoJSONPointsWithIDs() throws {
        let text = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[76.9,43.2]},"properties":{}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[76.95,43.25,800]},"properties":{"id":"s2"}},
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[]},"properties":{"id":"s3"}},
             {"type":"Feature","geometry":null,"properties":{"id":"s4"}}
            ]}
            """
        let origins = try OriginsReader.read(Data(text.utf8), name: "o.geojson")
        #expect(origins.map(\.id) == ["7", "s2", "s3", "s4"])
        #expect(origins[1].lon == 76.95 && origins[1].lat == 43.25 && origins[1].problem == nil)
        #expect(origins[2].problem == "geometry is a Polygon, expected a Point")
        #expect(origins[3].problem == "feature has no geometry")
    }

    @Test func brokenGeoJSONIsLocated() {
        func geoError(_ text: String) -> OriginsFileError? {
            do { _ = try OriginsReader.read(Data(text.utf8), name: "o.geojson"); return nil } catch { return error as? OriginsFileError }
        }
        #expect(geoError("{\"type\":\"FeatureCollection\",\"features\":[")?.message.hasPrefix("not valid JSON") == true)
        #expect(geoError("{\"type\":\"Feature\"}")?.message == "expected a GeoJSON FeatureCollection with a features array")
        #expect(geoError("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}]}")?.description
                == "o.geojson: feature 0: no id (set the feature's id or properties.id)")
        #expect(geoError("{\"type\":\"FeatureCollection\",\"features\":[1]}")?.location == "feature 0")
    }

    @Test func readsFromAFile() throws {
        let url = AuditFixtures.scratchFile("o.csv")
        try Data("id,lon,lat\nq,1,2\n".utf8).write(to: url)
        #expect(try OriginsReader.read(from: url) == [AuditOrigin(id: "q", lon: 1, lat: 2)])
        #expect(throws: OriginsFileError.self) { try OriginsReader.read(from: url.appendingPathExtension("missing")) }
    }

    /// Cells are trimmed as Foundation trims `.whitespaces` (its ASCII shortcut included), on
    /// random cells of blanks, letters, digits, signs and non-ASCII text.
    @Test func cellsAreTrimmedAsFoundationTrimsWhitespace() {
        let pieces = [" ", "\t", "\u{00A0}", "\u{2003}", "\u{3000}", "a", "7", "-", ".", "é", "Қ", "🙂", "\u{7F}", "\u{01}"]
        var r = SplitMix64(seed: 5)
        for _ in 0..<5000 {
            let cell = (0..<Int(r.next() % 6)).map { _ in pieces[Int(r.next() % UInt64(pieces.count))] }.joined()
            #expect(cell.trimmingBlanks == cell.trimmingCharacters(in: .whitespaces), "\(Array(cell.unicodeScalars))")
        }
    }
}

@Suite struct AuditCSVParserTests {
    @Test func recordsKnowWhereTheyEnd() throws {
        let text = "a,\"b\nc\",d\r\ne,f"
        let records = try CSVRecordParser.records(in: Array(text.utf8))
        #expect(records.map(\.fields) == [["a", "b\nc", "d"], ["e", "f"]])
        #expect(records.map(\.line) == [1, 3])
        #expect(records.map(\.isTerminated) == [true, false])
        #expect(records[0].endOffset == 11)
        let cut = try CSVRecordParser.records(in: Array("a,\"b\n".utf8))
        #expect(cut.count == 1 && cut[0].endsInsideQuote && !cut[0].isTerminated)
    }

    /// Round trip against the writer's quoting: random fields survive encode-then-parse.
    @Test func parsesWhatTheWriterQuotes() throws {
        var rng = SplitMix64(seed: 99)
        let alphabet = Array("ab,\"\n\r ы1")
        for _ in 0..<300 {
            let fields = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            let line = fields.map(CSVField.quoted).joined(separator: ",") + "\n"
            let records = try CSVRecordParser.records(in: Array(line.utf8))
            #expect(records.map(\.fields) == [fields], "\(line.debugDescription)")
        }
    }
}

@Suite struct AuditProgressTests {
    @Test func drawsNothingWithoutATerminal() {
        var drawn = ""
        let progress = ProgressReporter(total: 100, isTerminal: false, clock: { 0 }, sink: { drawn += $0 })
        progress.start()
        for i in 1...100 { progress.update(done: i) }
        progress.finish()
        #expect(drawn.isEmpty)
    }

    @Test func drawsBarRateAndETAOnATerminal() {
        var drawn: [String] = []
        var now = 10.0
        let progress = ProgressReporter(total: 1000, isTerminal: true, clock: { now }, sink: { drawn.append($0) })
        progress.start(alreadyDone: 200)
        now = 12
        progress.update(done: 400) // 200 new rows in 2 s
        #expect(drawn.last == "\r[#########...............] 400/1000  40.0%  100/s  ETA 0:06\u{1B}[K")
        now = 12.05
        progress.update(done: 401) // within the redraw interval: skipped
        #expect(drawn.count == 2)
        now = 12.06
        progress.update(done: 1000) // the last row is always drawn
        #expect(drawn.last?.contains("1000/1000 100.0%") == true)
        progress.finish()
        #expect(drawn.last == "\n")
        #expect(ProgressReporter.duration(3725) == "1:02:05")
    }
}
