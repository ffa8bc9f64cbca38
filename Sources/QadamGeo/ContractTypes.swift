// `Coordinate` and `BoundingBox` are defined in the wire contract (QadamContract), the lowest
// layer, so a point or an extent means the same in a request, in the CLI and in the geometry
// code; every module that works with geometry gets them here.
@_exported import struct QadamContract.Coordinate
@_exported import struct QadamContract.BoundingBox
