import ArgumentParser

/// The language of a report's fixed labels. Data (district names, table cells) is shown as given.
public enum ReportLanguage: String, CaseIterable, Sendable, ExpressibleByArgument {
    case ru, en, kk

    /// The fixed labels of a report in this language.
    public var strings: ReportStrings { ReportStrings.table[self]! }
}

/// The report's fixed labels: one small table, so a missing translation is a compile error
/// (every language fills every field) rather than an English word in a Kazakh report.
public struct ReportStrings: Sendable {
    public let map: String
    public let legend: String
    public let noData: String
    public let facilities: String
    /// Legend of the demand dots: heading, within the norm, outside it, not measured.
    public let people: String
    public let peopleWithin: String
    public let peopleOutside: String
    public let peopleEstimate: String
    public let worstGaps: String
    public let population: String
    public let tables: String
    public let norms: String
    public let sources: String
    public let charts: String
    public let provisionByDistrict: String
    public let provisionBySettlementClass: String
    public let provenance: String
    public let area: String
    public let dataset: String
    public let generatedAt: String
    public let parameters: String
    /// Thousands separator for populations (a thin no-break space in ru/kk, a comma in en).
    public let thousandsSeparator: String

    static let table: [ReportLanguage: ReportStrings] = [
        .ru: ReportStrings(
            map: "Карта", legend: "Легенда", noData: "нет данных", facilities: "Объекты",
            people: "Жители (оценка, точка на 250 м)", peopleWithin: "в пределах норматива", peopleOutside: "вне норматива",
            peopleEstimate: "размер точки ~ число жителей",
            worstGaps: "Наибольшие разрывы", population: "Население", tables: "Таблицы",
            norms: "Нормативы", sources: "Источники", charts: "Диаграммы",
            provisionByDistrict: "Обеспеченность по районам",
            provisionBySettlementClass: "Обеспеченность по типам населённых пунктов",
            provenance: "Происхождение данных", area: "Территория", dataset: "Набор данных (хэш)",
            generatedAt: "Сформировано", parameters: "Параметры", thousandsSeparator: "\u{202F}"),
        .en: ReportStrings(
            map: "Map", legend: "Legend", noData: "no data", facilities: "Facilities",
            people: "People (estimated, one dot per 250 m cell)", peopleWithin: "within the norm", peopleOutside: "outside the norm",
            peopleEstimate: "dot size ~ people",
            worstGaps: "Worst gaps", population: "Population", tables: "Tables",
            norms: "Norms", sources: "Sources", charts: "Charts",
            provisionByDistrict: "Provision by district",
            provisionBySettlementClass: "Provision by settlement class",
            provenance: "Provenance", area: "Area", dataset: "Dataset (hash)",
            generatedAt: "Generated", parameters: "Parameters", thousandsSeparator: ","),
        .kk: ReportStrings(
            map: "Карта", legend: "Шартты белгілер", noData: "деректер жоқ", facilities: "Нысандар",
            people: "Тұрғындар (бағалау, 250 м ұяшыққа бір нүкте)", peopleWithin: "норматив шегінде", peopleOutside: "нормативтен тыс",
            peopleEstimate: "нүкте өлшемі ~ тұрғындар саны",
            worstGaps: "Ең үлкен олқылықтар", population: "Халық саны", tables: "Кестелер",
            norms: "Нормативтер", sources: "Дереккөздер", charts: "Диаграммалар",
            provisionByDistrict: "Аудандар бойынша қамтамасыз етілу",
            provisionBySettlementClass: "Елді мекен түрлері бойынша қамтамасыз етілу",
            provenance: "Деректердің шығу тегі", area: "Аумақ", dataset: "Деректер жинағы (хэш)",
            generatedAt: "Жасалған уақыты", parameters: "Параметрлер", thousandsSeparator: "\u{202F}"),
    ]

    /// `1234567` as `1 234 567` (ru/kk) or `1,234,567` (en).
    public func formatPopulation(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (n < 0 ? "-" : "") + groups.joined(separator: thousandsSeparator)
    }
}
