import CLibCrypto

/// SHA-256 through OpenSSL's EVP interface, fed piece by piece.
///
/// OpenSSL rather than swift-crypto: the system library is already linked for libpq, and
/// swift-crypto compiled its own BoringSSL in every fresh build (docs/development.md has the
/// measured cost).
public struct SHA256Digest: ~Copyable {
    private let context: OpaquePointer

    public init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("OpenSSL could not start a SHA-256 digest (out of memory)")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    public mutating func update<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        let done = bytes.withContiguousStorageIfAvailable { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            ?? Array(bytes).withUnsafeBufferPointer { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        precondition(done == 1, "OpenSSL refused SHA-256 input")
    }

    /// The digest as lower-case hex, the form `info` and the snapshot names show.
    public consuming func hexDigest() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        precondition(EVP_DigestFinal_ex(context, &digest, &length) == 1 && length == 32, "OpenSSL could not finish a SHA-256 digest")
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    /// The hex digest of one piece of bytes.
    public static func hex<Bytes: Collection<UInt8>>(of bytes: Bytes) -> String {
        var digest = SHA256Digest()
        digest.update(bytes)
        return digest.hexDigest()
    }
}
