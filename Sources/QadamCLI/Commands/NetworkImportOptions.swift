import ArgumentParser
import Foundation
import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

/// The options of `qadam import` for street networks (`.osm.pbf`, `.osm`, Overpass JSON, or
/// GeoJSON lines with `--layer network`; several OSM files make one network), and the import
/// itself: see `DatasetNetworkImport`.
struct NetworkImportOptionGroup: ParsableArguments {
    @Option(help: "Keep only the part of a network inside minLon,minLat,maxLon,maxLat (ways are cut at its edge).")
    var bbox: String?

    @Option(help: "Keep only the part of a network inside this district of the dataset (its id).")
    var clipDistrict: String?

    @Option(help: "A way referring to a node the file lacks: fail (default) or cut the way there (for clipped extracts).")
    var missingNodes: MissingNodesChoice = .fail

    @Flag(help: "Do not replace the facilities layer with the OSM file's schools, clinics, ...")
    var noFacilities = false

    @Option(help: "CSV of name rules (pattern,kind[,match]) tried before the built-in ones that re-kind clinics and hospitals by name (- reads standard input).")
    var facilityRules: String?

    enum MissingNodesChoice: String, ExpressibleByArgument, CaseIterable {
        case fail, cut
    }

    /// Whether `file` is imported as a street network: OSM files always (a `.json` file when
    /// its start shows an Overpass answer), GeoJSON lines when `--layer network` says so.
    static func isNetworkImport(file: String, layer: LayerKind?) -> Bool {
        let name = file.lowercased()
        if name.hasSuffix(".pbf") || name.hasSuffix(".osm") || name.hasSuffix(".osm.bz2") || name.hasSuffix(".osm.gz") { return true }
        guard name.hasSuffix(".geojson") || name.hasSuffix(".json") else { return false }
        return layer == .network || OverpassJSONDetection.isOverpassJSON(fileAt: URL(fileURLWithPath: file))
    }

    func boundingBox() throws -> BoundingBox? {
        guard let bbox else { return nil }
        let v = bbox.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == 4, v[0] < v[2], v[1] < v[3],
              Coordinate(lon: v[0], lat: v[1]).isValidWGS84, Coordinate(lon: v[2], lat: v[3]).isValidWGS84 else {
            throw ValidationError("--bbox must be minLon,minLat,maxLon,maxLat with min < max, got '\(bbox)'")
        }
        return BoundingBox(minX: v[0], minY: v[1], maxX: v[2], maxY: v[3])
    }

    /// Reads the files as one network and replaces the dataset's network (and facilities) layers.
    func run(files: [String], dataset: String, sourceName: String?, licence: String?, format: OutputFormat) throws {
        let fileURLs = files.map { URL(fileURLWithPath: $0) }, datasetURL = URL(fileURLWithPath: dataset)
        var options = NetworkImportOptions(boundingBox: try boundingBox(), missingNodes: missingNodes == .cut ? .cutWay : .fail)
        var report: DatasetNetworkImport.Report
        do {
            if let clipDistrict { options.clip = try Self.districtClip(clipDistrict, dataset: datasetURL) }
            if let facilityRules {
                let rules = try InputFile(facilityRules, option: "--facility-rules").readablePath()
                options.facilityNameRules = .builtIn.prepending(try FacilityNameRulesFile.read(URL(fileURLWithPath: rules)))
            }
            let source = try NetworkImporter.source(for: fileURLs)
            options.collectFacilities = !noFacilities && DatasetNetworkImport.collectsFacilities(source)
            let started = Date()
            // A copy of standard input is `standard input.osm.pbf`; the dataset says "standard input".
            let names = StandardInput.reword(DatasetNetworkImport.fileNames(fileURLs))
            report = try DatasetNetworkImport.run(
                source: source, files: fileURLs, dataset: datasetURL, options: options,
                layerSource: LayerSource(file: names, name: sourceName ?? names, licence: licence))
            report.file = names
            FileHandle.standardError.write(Data(String(format: "imported in %.2f s\n", Date().timeIntervalSince(started)).utf8))
        } catch let e as OSMReadError {
            var message = "\(e); \(dataset) was not changed"
            if e.message.contains("which is not in the file") {
                message += " (a clipped extract: pass --missing-nodes cut to cut ways where their nodes are missing)"
            }
            throw CLIError(message, exitCode: .dataError)
        } catch let e as DatasetError {
            throw CLIError("\(e.message); \(dataset) was not changed", exitCode: .dataError)
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError("\(files.joined(separator: " + ")): \(error); \(dataset) was not changed", exitCode: .dataError)
        }
        if format == .json || format == .geojson {
            emit(try JSONOutput.string(report))
            return
        }
        var t = Tabular(columns: ["file", "layer", "ways_read", "ways_stored", "nodes", "vertices", "edges", "walk_km",
                                  "drive_km", "missing_nodes", "content_hash"])
        t.append([.text(report.file), "network", .integer(report.waysRead), .integer(report.storedWays), .integer(report.nodesKept),
                  .integer(report.vertices), .integer(report.edges), .double(report.walkKm), .double(report.driveKm),
                  .integer(report.missingNodeReferences), .text(report.contentHash)])
        emit(t.render(format))
        if let facilities = report.facilities {
            var f = Tabular(columns: ["facility_kind", "count"])
            for (kind, count) in facilities.sorted(by: { $0.key < $1.key }) { f.append([.text(kind), .integer(count)]) }
            f.append(["total", .integer(facilities.values.reduce(0, +))])
            emit((format == .table ? "\n" : "") + f.render(format))
        }
    }

    /// A point test for "inside district `id`" (boundary included), from the dataset itself.
    static func districtClip(_ id: String, dataset: URL) throws -> (Coordinate) -> Bool {
        guard FileManager.default.fileExists(atPath: dataset.path) else {
            throw CLIError("--clip-district \(id): \(dataset.path) does not exist yet; import the districts first", exitCode: .dataError)
        }
        let districts = try DatasetStore.open(dataset).districts()
        guard let district = districts.first(where: { $0.id == id }) else {
            throw CLIError("--clip-district \(id): no district with that id in \(dataset.path) (\(districts.count) districts)", exitCode: .dataError)
        }
        let prepared = district.polygon.prepared()
        return { prepared.covers($0) }
    }
}
