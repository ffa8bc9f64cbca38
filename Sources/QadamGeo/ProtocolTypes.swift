// `Coordinate` is defined in the wire contract (QadamProtocol), the lowest layer, so a point
// means the same in a request, in the CLI and in the geometry code; every module that works
// with geometry gets it from here.
@_exported import struct QadamProtocol.Coordinate
