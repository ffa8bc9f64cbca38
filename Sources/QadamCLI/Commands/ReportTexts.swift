/// The words `qadam report` puts into a report's data parts (title, legend heading, table
/// columns, notes), per language; the renderer's own labels are `ReportStrings`. Every
/// language fills every field, so a missing translation is a compile error.
struct ReportTexts {
    let title: String
    let country: String
    let provisionShading: String
    let coverageShading: String
    let deficitShading: String
    let provisionTable: String
    let coverageTable: String
    let deficitTable: String
    let gapsTable: String
    let district: String
    let settlements: String
    let population: String
    let required: String
    let met: String
    let share: String
    let covered: String
    let demand: String
    let seats: String
    let deficit: String
    let kind: String
    let gap: String
    let noDistrictShapes: String
    let modelledKindsNote: String

    static func of(_ language: ReportLanguage) -> ReportTexts {
        switch language {
        case .ru: return ReportTexts(
            title: "Доступность социальных объектов", country: "Казахстан",
            provisionShading: "Доля выполненных нормативов (по населению)", coverageShading: "Доля населения в нормативной доступности",
            deficitShading: "Дефицит мест", provisionTable: "Обеспеченность по районам",
            coverageTable: "Охват по районам", deficitTable: "Места и потребность по районам", gapsTable: "Наибольшие разрывы",
            district: "Район", settlements: "Населённые пункты", population: "Население", required: "Проверок",
            met: "Выполнено", share: "Доля", covered: "Охвачено", demand: "Потребность", seats: "Места", deficit: "Дефицит",
            kind: "Вид объекта", gap: "Разрыв",
            noDistrictShapes: "В наборе данных нет границ районов: карта показывает только объекты и разрывы.",
            modelledKindsNote: "Обеспеченность считается по видам объектов, которые Qadam умеет измерять (часть перечня СРС).")
        case .en: return ReportTexts(
            title: "Access to social services", country: "Kazakhstan",
            provisionShading: "Share of norms met (population-weighted)", coverageShading: "Share of people within the norm",
            deficitShading: "Seat deficit", provisionTable: "Provision by district",
            coverageTable: "Coverage by district", deficitTable: "Seats and demand by district", gapsTable: "Worst gaps",
            district: "District", settlements: "Settlements", population: "Population", required: "Checks",
            met: "Met", share: "Share", covered: "Covered", demand: "Demand", seats: "Seats", deficit: "Deficit",
            kind: "Facility kind", gap: "Gap",
            noDistrictShapes: "The dataset has no district boundaries: the map shows only facilities and gaps.",
            modelledKindsNote: "Provision counts the facility kinds Qadam can measure (part of the СРС list).")
        case .kk: return ReportTexts(
            title: "Әлеуметтік нысандардың қолжетімділігі", country: "Қазақстан",
            provisionShading: "Орындалған нормативтер үлесі (халық бойынша)", coverageShading: "Норматив шегіндегі халық үлесі",
            deficitShading: "Орын тапшылығы", provisionTable: "Аудандар бойынша қамтамасыз етілу",
            coverageTable: "Аудандар бойынша қамту", deficitTable: "Аудандар бойынша орындар мен қажеттілік", gapsTable: "Ең үлкен олқылықтар",
            district: "Аудан", settlements: "Елді мекендер", population: "Халық саны", required: "Тексерулер",
            met: "Орындалды", share: "Үлес", covered: "Қамтылды", demand: "Қажеттілік", seats: "Орындар", deficit: "Тапшылық",
            kind: "Нысан түрі", gap: "Олқылық",
            noDistrictShapes: "Деректер жинағында аудан шекаралары жоқ: картада тек нысандар мен олқылықтар көрсетілген.",
            modelledKindsNote: "Қамтамасыз етілу Qadam өлшей алатын нысан түрлері бойынша есептеледі (ӨСЖ тізімінің бөлігі).")
        }
    }
}
