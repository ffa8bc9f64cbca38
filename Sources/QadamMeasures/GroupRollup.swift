/// Partitions sites by the value of one group key, for the roll-ups every measure offers.
enum GroupRollup {
    /// Site indices per group value, groups sorted by value; a site without the key is an error
    /// because silently dropping it would make totals disagree.
    static func partition(_ groups: [[String: String]], key: String, site: String,
                          ids: (Int) -> String) throws -> [(value: String, indices: [Int])] {
        var byValue: [String: [Int]] = [:]
        for (i, g) in groups.enumerated() {
            guard let value = g[key] else {
                throw AccessError.missingGroup(site: site, index: i, id: ids(i), key: key)
            }
            byValue[value, default: []].append(i)
        }
        return byValue.keys.sorted().map { ($0, byValue[$0]!) }
    }

    static func partition(_ sites: [DemandSite], key: String) throws -> [(value: String, indices: [Int])] {
        try partition(sites.map(\.groups), key: key, site: "demand") { sites[$0].id }
    }
}

/// Share as a fraction, or nil when the denominator is zero (no people, nothing required).
func share(_ part: Double, of whole: Double) -> Double? {
    whole > 0 ? part / whole : nil
}
