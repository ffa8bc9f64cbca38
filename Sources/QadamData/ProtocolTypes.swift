// The closed vocabularies of the data (facility kind, agglomeration zone, group key), what `locate`
// answers and how `info` describes a layer are defined in the wire contract (QadamProtocol), so a
// request, a CLI option and a stored record spell them the same way; every module that works with
// the data gets them here.
@_exported import enum QadamProtocol.FacilityKind
@_exported import enum QadamProtocol.AgglomerationZone
@_exported import struct QadamProtocol.PlaceRef
@_exported import struct QadamProtocol.Location
@_exported import enum QadamProtocol.GroupBy
@_exported import enum QadamProtocol.DistrictLevel
@_exported import enum QadamProtocol.LayerKind
@_exported import struct QadamProtocol.LayerSource
@_exported import struct QadamProtocol.LayerInfo
@_exported import enum QadamProtocol.SettlementClass
