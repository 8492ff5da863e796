import LucidDICOM

/// The texts a diagnostic reference level is matched on: Study Description (0008,1030), Requested
/// Procedure Description (0032,1060), Protocol Name (0018,1030) and Body Part Examined (0018,0015).
public struct ExamDescription: Sendable, Equatable {
    public var studyDescription: String?
    public var requestedProcedureDescription: String?
    public var protocolName: String?
    public var bodyPartExamined: String?

    public init(
        studyDescription: String? = nil, requestedProcedureDescription: String? = nil, protocolName: String? = nil,
        bodyPartExamined: String? = nil
    ) {
        self.studyDescription = studyDescription
        self.requestedProcedureDescription = requestedProcedureDescription
        self.protocolName = protocolName
        self.bodyPartExamined = bodyPartExamined
    }

    public init(dataSet: DataSet) {
        self.init(
            studyDescription: dataSet.string(.studyDescription),
            requestedProcedureDescription: dataSet.string(DoseTag.requestedProcedureDescription),
            protocolName: dataSet.string(DoseTag.protocolName), bodyPartExamined: dataSet.string(.bodyPartExamined))
    }

    /// The present texts, in the order above.
    public var texts: [String] {
        [studyDescription, requestedProcedureDescription, protocolName, bodyPartExamined].compactMap { $0 }
    }
}
