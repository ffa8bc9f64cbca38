// `Coordinate` and `BoundingBox` are defined in the wire contract (QadamProtocol), the lowest
// layer, so a point or an extent means the same in a request, in the CLI and in the geometry
// code; every module that works with geometry gets them here.
@_exported import struct QadamProtocol.Coordinate
@_exported import struct QadamProtocol.BoundingBox
