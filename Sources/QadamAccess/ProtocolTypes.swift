// The parts of the measures' results that go on the wire (coverage groups, seat balances,
// provision checks, what-if changes...) are defined in the wire contract (QadamProtocol), so the
// measures build exactly what a client reads; every module that works with the measures gets
// them here. Their logic stays with the measures, as extensions.
@_exported import enum QadamProtocol.CostUnit
@_exported import struct QadamProtocol.CoverageGroup
@_exported import struct QadamProtocol.SeatBalanceRow
@_exported import struct QadamProtocol.FacilityLoad
@_exported import struct QadamProtocol.UnservedDemand
@_exported import struct QadamProtocol.FacilityRatio
@_exported import struct QadamProtocol.AccessGroup
@_exported import struct QadamProtocol.ProvisionCheck
@_exported import struct QadamProtocol.SettlementProvision
@_exported import struct QadamProtocol.ProvisionGroup
@_exported import struct QadamProtocol.ServiceGap
@_exported import struct QadamProtocol.SiteChange
@_exported import struct QadamProtocol.CoverageChange
@_exported import struct QadamProtocol.SeatGroupChange
@_exported import struct QadamProtocol.ProvisionChange
@_exported import enum QadamProtocol.SettlementClass
