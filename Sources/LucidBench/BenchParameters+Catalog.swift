import LucidRendering

extension BenchParameters {
    /// The options that were given, as catalog arguments (by report name).
    var catalogArguments: OperationArguments {
        var arguments = OperationArguments()
        arguments["center"] = center.map { .number($0) }
        arguments["width"] = width.map { .number($0) }
        arguments["function"] = function.map { .text($0.rawValue) }
        arguments["clip"] = clipLimit.map { .number($0) }
        if tilesX != nil || tilesY != nil {
            // A count left out (only possible through the API) takes its default.
            arguments["tiles"] = .text("\(tilesX.map(String.init) ?? "")x\(tilesY.map(String.init) ?? "")")
        }
        arguments["sigma"] = sigma.map { .number($0) }
        arguments["amount"] = amount.map { .number($0) }
        arguments["kernel"] = kernelSize.map { .integer($0) }
        arguments["diameter"] = diameter.map { .integer($0) }
        arguments["sigma_space"] = sigmaSpace.map { .number($0) }
        arguments["sigma_color"] = sigmaColor.map { .number($0) }
        arguments["h"] = strength.map { .number($0) }
        arguments["template"] = templateSize.map { .integer($0) }
        arguments["search"] = searchSize.map { .integer($0) }
        return arguments
    }
}
