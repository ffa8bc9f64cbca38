/// The params of a service-gap method: the members every such method shares (`MeasureParams`)
/// and the method's own (`Options`), side by side in one params object, as on the wire.
public struct MeasureRequest<Options: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var measure: MeasureParams
    public var options: Options

    public init(_ measure: MeasureParams, _ options: Options) {
        self.measure = measure
        self.options = options
    }

    /// Both halves read the same object, each its own members; an unknown member is ignored
    /// by both, as it always was.
    public init(from decoder: Decoder) throws {
        measure = try MeasureParams(from: decoder)
        options = try Options(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        try measure.encode(to: encoder)
        try options.encode(to: encoder)
    }
}

/// How many rows of a result's list to give (`limit`); totals always count all of them.
public struct RowLimit: Codable, Sendable, Equatable {
    public var limit: Int?

    public init(limit: Int? = nil) { self.limit = limit }
}
