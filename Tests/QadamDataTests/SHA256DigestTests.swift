import Foundation
import QadamData
import QadamGeo
import Testing

/// The content hashes' SHA-256 (OpenSSL's) against the standard's own examples and against
/// coreutils' `sha256sum`, an independent implementation, on random inputs fed in random pieces.
@Suite struct SHA256DigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func theStandardsExamples(text: String, digest: String) {
        #expect(SHA256Digest.hex(of: Array(text.utf8)) == digest)
    }

    @Test func piecesGiveTheSameDigestAsSha256sumOfTheWhole() throws {
        var rng = SplitMix64(seed: 0x5AA256)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for n in 0..<20 {
            let length = Int(rng.next() % 5_000)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var digest = SHA256Digest()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + Int(rng.next() % 700))
                digest.update(bytes[start..<end])
                start = end
            }
            let file = folder.appendingPathComponent("\(n).bin")
            try Data(bytes).write(to: file)
            #expect(digest.hexDigest() == (try sha256sum(file)), "input \(n), \(length) bytes")
        }
    }

    private func sha256sum(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
