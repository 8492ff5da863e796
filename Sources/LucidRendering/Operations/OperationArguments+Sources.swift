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
