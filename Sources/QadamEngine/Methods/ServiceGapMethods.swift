extension MethodRegistry {
    /// The service-gap analytics (docs/measures.md, "Methods and commands").
    mutating func registerServiceGapMethods() {
        registerCoverage()
        registerDeficit()
        registerAccess()
        registerProvision()
        registerWhatIf()
        registerSite()
        registerAgglomerations()
    }
}
