/// The layers a dataset can hold; each is one table in the dataset file.
///
/// The declaration order is the canonical order: `info` lists layers in it and the content
/// hash combines layer hashes in it. What each layer's geometry must be is QadamData's.
public enum LayerKind: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    case districts, settlements, facilities, demand, agglomerations, polycentres, network

    public var description: String { rawValue }

    public static func < (a: LayerKind, b: LayerKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
