import Foundation
import QadamGeo
@testable import QadamNetwork
import Testing
import QadamContract

@Suite("Travel profile rules (docs/profiles.md)")
struct ProfileRulesTests {
    /// (tags, walk, wheelchair, drive forward, drive backward): true where the profile may go.
    static let table: [([String: String], Bool, Bool, Bool, Bool)] = [
        (["highway": "residential"], true, true, true, true),
        (["highway": "residential", "oneway": "yes"], true, true, true, false),
        (["highway": "residential", "oneway": "-1"], true, true, false, true),
        (["highway": "primary", "junction": "roundabout"], true, true, true, false),
        (["highway": "motorway"], false, false, true, false),
        (["highway": "footway"], true, true, false, false),
        (["highway": "steps"], true, false, false, false),
        (["highway": "steps", "wheelchair": "yes"], true, true, false, false),
        (["highway": "footway", "wheelchair": "no"], true, false, false, false),
        (["highway": "cycleway"], false, false, false, false),
        (["highway": "cycleway", "foot": "designated"], true, true, false, false),
        (["highway": "service", "access": "private"], false, false, false, false),
        (["highway": "service", "access": "private", "foot": "yes"], true, true, false, false),
        (["highway": "residential", "foot": "no"], false, false, true, true),
        (["highway": "residential", "motor_vehicle": "no"], true, true, false, false),
        (["highway": "trunk", "sidewalk": "no"], false, false, true, true),
        (["highway": "pedestrian", "area": "yes"], false, false, false, false),
        (["highway": "track", "smoothness": "impassable"], true, false, true, true),
        (["highway": "construction"], false, false, false, false),
    ]

    @Test func accessTable() {
        for (tags, walk, wheelchair, forward, backward) in Self.table {
            let access = WayAccess(tags: tags)
            #expect((access?.secondsPerMetre(.walk, forward: true) != nil) == walk, "walk \(tags)")
            #expect((access?.secondsPerMetre(.walk, forward: false) != nil) == walk, "walk ignores oneway \(tags)")
            #expect((access?.secondsPerMetre(.wheelchair, forward: true) != nil) == wheelchair, "wheelchair \(tags)")
            #expect((access?.secondsPerMetre(.drive, forward: true) != nil) == forward, "drive forward \(tags)")
            #expect((access?.secondsPerMetre(.drive, forward: false) != nil) == backward, "drive backward \(tags)")
        }
    }

    @Test func speeds() throws {
        let walk = try #require(WayAccess(tags: ["highway": "residential"])?.secondsPerMetre(.walk, forward: true))
        #expect(abs(Double(walk) - 3.6 / 4.8) < 1e-6)
        let smooth = try #require(WayAccess(tags: ["highway": "footway", "surface": "asphalt"])?.secondsPerMetre(.wheelchair, forward: true))
        let rough = try #require(WayAccess(tags: ["highway": "footway", "surface": "sett"])?.secondsPerMetre(.wheelchair, forward: true))
        let unpaved = try #require(WayAccess(tags: ["highway": "footway", "surface": "gravel", "smoothness": "bad"])?.secondsPerMetre(.wheelchair, forward: true))
        #expect(abs(Double(smooth) - 1.0) < 1e-6)  // 3.6 km/h = 1 m/s
        #expect(abs(Double(rough) - 1.5) < 1e-6 && abs(Double(unpaved) - 3.0) < 1e-6)
        let primary = try #require(WayAccess(tags: ["highway": "primary"])?.secondsPerMetre(.drive, forward: true))
        let limited = try #require(WayAccess(tags: ["highway": "primary", "maxspeed": "40"])?.secondsPerMetre(.drive, forward: true))
        let capped = try #require(WayAccess(tags: ["highway": "residential", "maxspeed": "90"])?.secondsPerMetre(.drive, forward: true))
        #expect(abs(Double(primary) - 3.6 / 60) < 1e-6 && abs(Double(limited) - 3.6 / 40) < 1e-6)
        #expect(abs(Double(capped) - 3.6 / 36) < 1e-6)  // maxspeed capped at 1.2 x the class speed
    }

    @Test func maxspeedParsing() {
        #expect(ProfileRules.parseMaxspeed("60") == 60)
        #expect(ProfileRules.parseMaxspeed("30 mph")! - 48.28 < 0.01)
        #expect(ProfileRules.parseMaxspeed("RU:urban") == 60)
        #expect(ProfileRules.parseMaxspeed("KZ:rural") == 90)
        #expect(ProfileRules.parseMaxspeed("walk") == 5)
        #expect(ProfileRules.parseMaxspeed("signals") == nil)
    }

    @Test func speedOverrideScalesCosts() {
        let slow = TravelMode(profile: .walk, speedKmh: 2.4)
        #expect(slow.costScale == 2)
        #expect(abs(slow.offNetworkSecondsPerMetre - 1.5) < 1e-12)
        #expect(TravelMode(profile: .drive, speedKmh: 25).offNetworkSecondsPerMetre == 3.6 / 4.8)
    }

    @Test func facilityKinds() {
        #expect(OSMFacilityMapping.kind(for: ["amenity": "school"]) == "school")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "clinic", "name": "Городская поликлиника №5"]) == "polyclinic")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "doctors", "name": "ФАП с. Жаркент"]) == "feldsher_post")
        #expect(OSMFacilityMapping.kind(for: ["healthcare": "clinic", "name": "Медпункт"]) == "feldsher_post")
        #expect(OSMFacilityMapping.kind(for: ["healthcare": "hospital"]) == "hospital")
        #expect(OSMFacilityMapping.kind(for: ["healthcare": "blood_donation"]) == "other_health")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "pharmacy", "name": "Фаворит"]) == "pharmacy")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "cafe"]) == nil)
        let school = OSMFacilityMapping.facility(tags: ["amenity": "school", "capacity": "1 200", "name:kk": "№3 мектеп"],
                                                 at: .init(lon: 0, lat: 0), osmReference: "node/1")
        #expect(school?.capacity == 1200 && school?.name == "№3 мектеп")
        let hospital = OSMFacilityMapping.facility(tags: ["amenity": "hospital", "beds": "240", "capacity": "9"],
                                                   at: .init(lon: 0, lat: 0), osmReference: "node/2")
        #expect(hospital?.capacity == 240)
        // A square building's centroid is its middle.
        let ring = [(0.0, 0.0), (2, 0), (2, 2), (0, 2), (0, 0)].map { QadamContract.Coordinate(lon: $0.0, lat: $0.1) }
        #expect(OSMFacilityMapping.centroid(ring) == QadamContract.Coordinate(lon: 1, lat: 1))
    }

    @Test func sourceByFileName() throws {
        #expect(try NetworkImporter.source(for: URL(fileURLWithPath: "/x/kz.osm.pbf")) is PBFFileReader)
        #expect(try NetworkImporter.source(for: URL(fileURLWithPath: "/x/almaty.osm")) is OSMXMLReader)
        #expect(throws: OSMReadError.self) { try NetworkImporter.source(for: URL(fileURLWithPath: "/x/roads.shp")) }
        #expect { try NetworkImporter.source(for: URL(fileURLWithPath: "/x/oakland.osm.bz2")) } throws: {
            ($0 as? OSMReadError)?.message.contains("decompress") == true
        }
    }
}
