extension ProcessingStep {
    /// The catalog operation and arguments a step stands for; `nil` for the window step, which the
    /// renderer applies itself.
    var catalogRequest: (name: String, arguments: OperationArguments)? {
        switch self {
        case .median(let size):
            return ("median", OperationArguments(["kernel": .integer(size)]))
        case .gaussian(let sigma):
            return ("gaussian", OperationArguments(["sigma": .number(sigma)]))
        case .bilateral(let diameter, let sigmaSpace, let sigmaColor):
            return (
                "bilateral",
                OperationArguments([
                    "diameter": .integer(diameter), "sigma_space": .number(sigmaSpace),
                    "sigma_color": .number(sigmaColor),
                ])
            )
        case .nonLocalMeans(let h, let template, let search):
            return (
                "nlm",
                OperationArguments(["h": .number(h), "template": .integer(template), "search": .integer(search)])
            )
        case .clahe(let clip, let tilesX, let tilesY):
            return ("clahe", OperationArguments(["clip": .number(clip), "tiles": .text("\(tilesX)x\(tilesY)")]))
        case .equalize:
            return ("histeq", OperationArguments())
        case .unsharp(let sigma, let amount):
            return ("unsharp", OperationArguments(["sigma": .number(sigma), "amount": .number(amount)]))
        case .window:
            return nil
        }
    }
}

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
