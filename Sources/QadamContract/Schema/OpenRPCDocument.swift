extension RPC {
    /// Every method of the contract, in the order docs/protocol.md describes them; `audit` has
    /// a type per mode (same name and params, two results).
    public static let methods: [any RPCMethod.Type] = [
        Ping.self, Info.self, Stats.self, Reload.self, Locate.self, Resolve.self, Nearest.self, Route.self,
        Isochrone.self, Matrix.self, Agglomerations.self, Districts.self, Coverage.self, Deficit.self, Access.self,
        Provision.self, Gaps.self, WhatIf.self, Site.self, Audit.Origins.self, Audit.Layer.self,
    ]
}

/// The contract as an OpenRPC 1.3 document (https://spec.open-rpc.org), made from the types
/// themselves (`JSONSchemaRecorder`), so that a client in any language can be generated from
/// it or checked against it: what `rpc.discover` answers, kept as `docs/openrpc.json`. Params
/// are by name (one object); every result has the `snapshot` the daemon adds.
public enum OpenRPCDocument {
    public static let document: JSONValue = {
        var order: [String] = []
        var params: [String: JSONValue] = [:]
        var results: [String: [JSONValue]] = [:]
        for method in RPC.methods {
            let name = method.name
            if params[name] == nil {
                order.append(name)
                params[name] = paramsSchema(method)
            }
            results[name, default: []].append(withSnapshot(resultSchema(method)))
        }
        let methods: [JSONValue] = order.map { name in
            let schemas = results[name] ?? []
            return [
                "name": .string(name),
                "paramStructure": "by-name",
                "params": params[name] ?? [],
                "result": ["name": .string("\(name) result"), "schema": schemas.count == 1 ? schemas[0] : ["anyOf": .array(schemas)]],
            ]
        }
        return [
            "openrpc": "1.3.2",
            "info": [
                "title": "qadamd",
                "version": .string(QadamVersion.current),
                "description": "Walking-distance and service-gap questions for Kazakhstan's settlements, JSON-RPC 2.0 over a Unix socket (one request per line). docs/protocol.md describes every method.",
            ],
            "methods": .array(methods),
        ]
    }()

    /// The document as the daemon sends it: `rpc.discover`'s result, with no `snapshot`, since
    /// it describes the contract, not a dataset.
    public static let encoded = EncodedJSON(bytes: Array(((try? JSONText.serialize(document)) ?? "{}").utf8))

    private static func paramsSchema<M: RPCMethod>(_ method: M.Type) -> JSONValue {
        let schema = JSONSchemaRecorder.schema(of: M.Params.self)
        guard let properties = schema["properties"]?.objectValue else { return [] }
        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        // OpenRPC: every required param before the optional ones.
        let ordered = properties.keys.sorted { a, b in
            required.contains(a) != required.contains(b) ? required.contains(a) : a < b
        }
        return .array(ordered.map { key in
            ["name": .string(key), "required": .bool(required.contains(key)), "schema": properties[key] ?? [:]]
        })
    }

    private static func resultSchema<M: RPCMethod>(_ method: M.Type) -> JSONValue {
        JSONSchemaRecorder.schema(of: M.Result.self)
    }

    private static func withSnapshot(_ schema: JSONValue) -> JSONValue {
        guard case .object(var members) = schema, case .object(var properties)? = members["properties"] else { return schema }
        properties["snapshot"] = ["type": "string", "description": "the content hash of the dataset that answered"]
        members["properties"] = .object(properties)
        members["required"] = .array((members["required"]?.arrayValue ?? []) + ["snapshot"])
        return .object(members)
    }
}
