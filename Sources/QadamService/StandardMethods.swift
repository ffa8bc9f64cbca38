extension MethodRegistry {
    /// The query methods every daemon and in-process CLI serves. Each query module adds its
    /// methods here (`locate`, `nearest`, `route`, `matrix`, `isochrone`, `coverage`,
    /// `deficit`, `access`, `provision`, `gaps`, `whatif`, `site`) as it lands.
    public static var standard: MethodRegistry {
        MethodRegistry()
    }
}
