// The parts of the measures' results that go on the wire (coverage groups, seat balances,
// provision checks, what-if changes...) are defined in the wire contract (QadamContract), so the
// measures build exactly what a client reads; every module that works with the measures gets
// them here. Their logic stays with the measures, as extensions.
@_exported import enum QadamContract.CostUnit
@_exported import struct QadamContract.CoverageGroup
@_exported import struct QadamContract.SeatBalanceRow
@_exported import struct QadamContract.FacilityLoad
@_exported import struct QadamContract.UnservedDemand
@_exported import struct QadamContract.FacilityRatio
@_exported import struct QadamContract.AccessGroup
@_exported import struct QadamContract.ProvisionCheck
@_exported import struct QadamContract.SettlementProvision
@_exported import struct QadamContract.ProvisionGroup
@_exported import struct QadamContract.ServiceGap
@_exported import struct QadamContract.SiteChange
@_exported import struct QadamContract.CoverageChange
@_exported import struct QadamContract.SeatGroupChange
@_exported import struct QadamContract.ProvisionChange
@_exported import enum QadamContract.SettlementClass
