extension MethodRegistry {
    /// The query methods every daemon and in-process CLI serves; each lives in its own file
    /// under `Methods/`.
    public static var standard: MethodRegistry {
        var registry = MethodRegistry()
        registry.registerPing()
        registry.registerInfo()
        registry.registerLocate()
        registry.registerResolve()
        registry.registerServiceGapMethods()
        registry.registerNearest()
        registry.registerRoute()
        registry.registerMatrix()
        registry.registerIsochrone()
        registry.registerAudit()
        registry.registerDistricts()
        return registry
    }
}
