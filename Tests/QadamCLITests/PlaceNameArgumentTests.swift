import Foundation
import TestSupport
import Testing

/// Places named instead of coordinates: `qadam resolve`, and `--at NAME` giving the same
/// answer as the coordinates it stands for, in-process and from a live daemon; unknown and
/// ambiguous names stop with a usage error that says what they could mean.
@Suite("Place names on the command line")
final class PlaceNameArgumentTests {
    let daemon: DaemonProcess

    init() throws {
        daemon = try DaemonProcess(variant: .a)
    }

    var backends: [[String]] { [["--dataset", daemon.datasetPath], ["--socket", daemon.socketPath]] }

    @Test func aNameLocatesLikeItsCoordinates() throws {
        for backend in backends {
            // Beta is the fixture's settlement S2 at 77.5, 43.5.
            let byName = try QadamProcess.run(["locate", "--at", "BETA", "--format", "json"] + backend)
            let byPoint = try QadamProcess.run(["locate", "--at", "77.5,43.5", "--format", "json"] + backend)
            #expect(byName.status == 0, "\(byName.stderr)")
            #expect(byName.stdout == byPoint.stdout)
        }
    }

    @Test func resolveFindsDistrictsBySpellingVariants() throws {
        for backend in backends {
            let result = try QadamProcess.run(["resolve", "westrayon", "--kind", "district", "--format", "json"] + backend)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["match"] as? String == "found")
            #expect((object["place"] as? [String: Any])?["id"] as? String == "R1")
        }
    }

    @Test func unknownNamesSuggestTheClosestSpellings() throws {
        let result = try QadamProcess.run(["locate", "--at", "Bexa"] + backends[0])
        #expect(result.status == 1)
        #expect(result.stderr.contains("'Bexa' names no settlement or district"))
        #expect(result.stderr.contains("did you mean"))
        #expect(result.stderr.contains("Beta (village, id S2)"))
    }

    @Test func malformedCoordinatesAreStillUsageErrors() throws {
        for text in ["77.5,", "1,2,3", "77.5,95"] {
            let result = try QadamProcess.run(["locate", "--at", text] + backends[0])
            #expect(result.status == 1, "\(text): \(result.stderr)")
        }
    }
}
