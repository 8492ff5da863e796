import Foundation

/// The JSON objects of `lucid dose --json` (README, "Dose and the first look"): `NSNull` for an
/// absent value, so every key is always present.
extension DoseFacts {
    /// `{"path","kind","modality","studyInstanceUID","ct","projection","exposure","dap","ctdiVol",
    /// "entranceDose","organDose","flags"}`.
    public func jsonObject(path: String, flags: [Flag]) -> [String: Any] {
        [
            "path": path, "kind": kind.rawValue, "modality": Self.json(modality),
            "studyInstanceUID": Self.json(studyInstanceUID), "ct": Self.json(ct?.jsonObject),
            "projection": Self.json(projection?.jsonObject), "exposure": Self.json(exposure?.jsonObject),
            "dap": Self.json(dap), "ctdiVol": Self.json(ctdiVol), "entranceDose": Self.json(entranceDose),
            "organDose": Self.json(organDose), "flags": flags.map(\.jsonObject),
        ]
    }

    static func json(_ quantity: DoseQuantity?) -> Any { quantity?.jsonObject ?? NSNull() }
    static func json(_ value: Any?) -> Any { value ?? NSNull() }
}

extension CTDose {
    /// `{"dlpTotal": Q, "events": [{"ctdiVol": Q, "dlp": Q, "phantom": text}]}`.
    public var jsonObject: [String: Any] {
        [
            "dlpTotal": DoseFacts.json(dlpTotal),
            "events": events.map { event -> [String: Any] in
                [
                    "ctdiVol": DoseFacts.json(event.ctdiVol), "dlp": DoseFacts.json(event.dlp),
                    "phantom": DoseFacts.json(event.phantom),
                ]
            },
        ]
    }
}

extension ProjectionDose {
    /// `{"dapTotal": Q, "doseRPTotal": Q, "accumulatedAGD": [Q], "events": [{"dap": Q, "doseRP": Q,
    /// "agd": Q}]}`: the two AGD keys carry mammography's Average Glandular Dose.
    public var jsonObject: [String: Any] {
        [
            "dapTotal": DoseFacts.json(dapTotal), "doseRPTotal": DoseFacts.json(doseRPTotal),
            "accumulatedAGD": accumulatedAverageGlandularDose.map(\.jsonObject),
            "events": events.map { event -> [String: Any] in
                [
                    "dap": DoseFacts.json(event.dap), "doseRP": DoseFacts.json(event.doseRP),
                    "agd": DoseFacts.json(event.averageGlandularDose),
                ]
            },
        ]
    }
}

extension ExposureIndication {
    /// `{"exposureIndex","targetExposureIndex","deviationIndex","band"}`: numbers (the DI computed when
    /// not written) and the `DeviationIndexBand` name.
    public var jsonObject: [String: Any] {
        [
            "exposureIndex": DoseFacts.json(exposureIndex), "targetExposureIndex": DoseFacts.json(targetExposureIndex),
            "deviationIndex": DoseFacts.json(deviationIndex), "band": DoseFacts.json(band?.rawValue),
        ]
    }
}
