// The closed vocabularies of the data (facility kind, agglomeration zone, group key), what `locate`
// answers and how `info` describes a layer are defined in the wire contract (QadamContract), so a
// request, a CLI option and a stored record spell them the same way; every module that works with
// the data gets them here.
@_exported import enum QadamContract.FacilityKind
@_exported import enum QadamContract.AgglomerationZone
@_exported import struct QadamContract.PlaceRef
@_exported import struct QadamContract.Location
@_exported import enum QadamContract.GroupBy
@_exported import enum QadamContract.DistrictLevel
@_exported import enum QadamContract.LayerKind
@_exported import struct QadamContract.LayerSource
@_exported import struct QadamContract.LayerInfo
@_exported import enum QadamContract.SettlementClass
