extension DRLTable {
    /// FANC/AFCN (Belgium), CT: technical regulation of 24 June 2021 on diagnostic reference levels in
    /// X-ray radiodiagnosis, adults, CTDIvol (mGy) and DLP (mGy.cm) of a single-acquisition exam;
    /// DLP of the complete exam for abdomen and thorax-abdomen (fanc.fgov.be, "CT-scanners").
    static let fancCT = "FANC technical regulation 24 June 2021, CT adults"
    /// FANC/AFCN (Belgium), radiography: technical regulation of 20 October 2022, adults, DAP per
    /// image in mGy.cm2 (fanc.fgov.be, "Conventionele radiologie").
    static let fancRadiography = "FANC technical regulation 20 October 2022, radiography adults, DAP per image"

    /// Belgium's published levels (FANC/AFCN), every row with its source. Not included: CT colon
    /// (the levels differ for the prone and supine acquisitions, which descriptions do not tell
    /// apart) and the paediatric levels (set by age, which this table does not match on).
    public static let builtIn = DRLTable(
        levels: ct("Head (brain)", #"\b(head|brain|skull|cerebr|cr[aâ]n|sch[eä]del|hersen|cerveau|t[eê]te)"#, 50, 800)
            + ct("Sinuses", #"sinus"#, 4.5, 65)
            + ct("Cervical spine", #"(cervical|c-?spine|halswervel|cervicale wervel|rachis cervical)"#, 25, 450)
            + ct("Lumbar spine", #"(lumba|l-?spine|lendenwervel|lumbale wervel|rachis lombaire)"#, 26, 600)
            + ct("Chest", #"^(?!.*(abd|angio|embol)).*(thorax|chest|thorac|poumon)"#, 8, 260)
            + ct("CT angiography of the chest", #"(angio.*(thorax|chest|pulm)|embol)"#, 7.5, 300)
            + ct("Abdomen", #"^(?!.*(thorax|chest|thorac)).*(abdom|buik)"#, 10, 490, completeExamDLP: 570)
            + ct(
                "Thorax-abdomen", #"((thorax|chest|thorac).*(abdom|buik)|(abdom|buik).*(thorax|chest|thorac))"#, 8.5,
                550, completeExamDLP: 800)
            + ct("Cardiac calcium score", #"(calcium|ca[- ]?scor)"#, 4.0, 70)
            + ct("Coronary CT angiography", #"(coronar|ccta|cardiac angio|angio.*(hart|heart|coeur))"#, 20, 300)
            + [
                radiography("Abdomen", #"(abdom|buik|asp\b)"#, 1300),
                radiography("Pelvis", #"(pelvi|bekken|bassin)"#, 1800),
                radiography("Lumbar spine AP", #"(lumba|lwz|l-?spine|lombaire).*(\bap\b|\bpa\b|face|front)"#, 1500),
                radiography("Lumbar spine lateral", #"(lumba|lwz|l-?spine|lombaire).*(lat|prof)"#, 2500),
                radiography("Lumbar spine oblique", #"(lumba|lwz|l-?spine|lombaire).*(obl|3/4)"#, 2000),
                radiography("Chest PA", #"(thorax|chest|poumon).*(\bpa\b|face|front)"#, 150),
                radiography("Chest lateral", #"(thorax|chest|poumon).*(lat|prof)"#, 400),
            ])

    private static func ct(
        _ exam: String, _ match: String, _ ctdiVol: Double, _ dlp: Double, completeExamDLP: Double? = nil
    ) -> [ReferenceLevel] {
        var levels = [
            ReferenceLevel(
                exam: "CT " + exam, modalities: ["CT"], match: match, quantity: .ctdiVol,
                limit: DoseQuantity(value: ctdiVol, unit: "mGy"), source: fancCT),
            ReferenceLevel(
                exam: "CT " + exam, modalities: ["CT"], match: match, quantity: .dlp,
                limit: DoseQuantity(value: dlp, unit: "mGy.cm"), source: fancCT),
        ]
        if let completeExamDLP {
            levels.append(
                ReferenceLevel(
                    exam: "CT " + exam + " (complete exam)", modalities: ["CT"], match: match, quantity: .dlpTotal,
                    limit: DoseQuantity(value: completeExamDLP, unit: "mGy.cm"), source: fancCT))
        }
        return levels
    }

    private static func radiography(_ exam: String, _ match: String, _ dap: Double) -> ReferenceLevel {
        ReferenceLevel(
            exam: "Radiography " + exam, modalities: ["CR", "DX"], match: match, quantity: .dap,
            limit: DoseQuantity(value: dap, unit: "mGy.cm2"), source: fancRadiography)
    }
}
