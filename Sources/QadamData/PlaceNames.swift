/// A place's names: the local (OSM `name`) form and the Russian, Kazakh and English forms where known.
public struct PlaceNames: Codable, Sendable, Hashable {
    public var local: String?
    public var ru: String?
    public var kk: String?
    public var en: String?

    public init(local: String? = nil, ru: String? = nil, kk: String? = nil, en: String? = nil) {
        self.local = local; self.ru = ru; self.kk = kk; self.en = en
    }

    /// The name to show: the local form, else Russian, Kazakh, English; nil when none is known.
    public var display: String? { local ?? ru ?? kk ?? en }
}
