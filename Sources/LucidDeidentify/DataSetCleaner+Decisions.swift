import LucidDICOM

/// The profile's action for one element, resolved to what is written (PS3.15 E.1.1, E.3).
extension DataSetCleaner {
    static let patientIDTag = DICOMTag(0x0010, 0x0020)
    static let dateVRs: Set<ValueRepresentation> = [.DA, .DT, .TM]
    static let freeTextVRs: Set<ValueRepresentation> = [.ST, .LT, .UT]

    mutating func decide(_ element: DataElement, in dataSet: DataSet, parent: DICOMTag?) -> Decision {
        let tag = element.tag
        // Private attributes: X, or under Retain Safe Private those of Table E.3.10-1 and their
        // Private Creators (PS3.15 E.3.10).
        if tag.isPrivate {
            guard profile.options.contains(.retainSafePrivate) else { return .remove }
            if (0x0010...0x00FF).contains(tag.element) {
                return SafePrivateAttributes.creatorsToKeep(in: dataSet).contains(tag) ? .copy : .remove
            }
            return SafePrivateAttributes.isSafe(tag, in: dataSet) ? .copy : .remove
        }
        // An overlay whose data the profile removes goes whole: its other elements alone would
        // describe an overlay plane without data (PS3.3 C.9.2).
        if tag.group & 0xFF01 == 0x6000, let rule = profile.action(for: DICOMTag(tag.group, 0x3000)),
            rule.action.resolved(type: nil) == .remove
        {
            return .remove
        }
        let vr = dataSet.displayVR(of: element)
        if tag == Self.patientIDTag { return pseudonymousPatientID(element, in: dataSet, vr: vr) }
        if tag == .patientName { return pseudonymousPatientName(element, in: dataSet, vr: vr) }
        guard let (action, option) = profile.action(for: tag) else {
            return untabled(element, in: dataSet, vr: vr)
        }
        let place = IODRequirement.Place(sopClassUID: sopClassUID, parent: parent, dataSet: dataSet)
        let type = IODRequirement.type(of: tag, at: place)
        var resolved = action.resolved(type: type)
        if resolved == .clean {
            // A sequence is cleaned item by item (Clean Structured Content, PS3.15 E.3.3).
            if let items = element.items { return .cleanItems(items) }
            if option == .retainLongitudinalModifiedDates, Self.dateVRs.contains(vr),
                let shifted = shifted(element, in: dataSet, vr: vr)
            {
                return shifted
            }
            // Clean Descriptors: free text kept when every word is known not to identify
            // (`DescriptorVocabulary`); otherwise, and for any other C, the Basic Profile's action.
            if option == .cleanDescriptors, case .text(let values) = dataSet.value(of: element),
                DescriptorVocabulary.isClean(values, identifying: identifyingWords)
            {
                return .copy
            }
            resolved = ConfidentialityProfile.rule(for: tag)?.basic.resolved(type: type) ?? .remove
        }
        return apply(resolved, to: element, in: dataSet, vr: vr)
    }

    /// One resolved action applied to the element.
    mutating func apply(_ action: ActionCode, to element: DataElement, in dataSet: DataSet, vr: ValueRepresentation)
        -> Decision
    {
        if let items = element.items {
            switch action {
            case .remove: return .remove
            case .empty: return .emptySequence
            case .keep, .dummy, .uid, .clean: return .cleanItems(items)
            }
        }
        switch action {
        case .remove, .clean:
            return .remove
        case .keep:
            return .copy
        case .empty:
            return vr == .SQ || element.vr == .SQ
                ? .emptySequence : .replace(WritableElement(tag: element.tag, vr: vr, value: .bytes([])))
        case .uid:
            return replacedUIDs(element, in: dataSet, vr: vr)
        case .dummy:
            if vr == .UI { return replacedUIDs(element, in: dataSet, vr: vr) }
            if vr == .SQ { return .emptySequence }
            if let text = DummyValue.text(for: vr) {
                return .replace(WritableElement(tag: element.tag, vr: vr, value: .strings([text])))
            }
            let count = dataSet.valueBytes(of: element).count
            return .replace(
                WritableElement(tag: element.tag, vr: vr, value: .bytes(DummyValue.zeros(for: vr, count: count))))
        }
    }

    /// An attribute the table does not list: sequences are kept with their items cleaned; dates
    /// and times are removed (or shifted under the modified-dates option), as PS3.15 E.3.6 treats
    /// every date; person names are emptied; free text (ST, LT, UT: the Text Value of a report's
    /// content item, for one) becomes the dummy text; instance UIDs are replaced; the rest is kept.
    mutating func untabled(_ element: DataElement, in dataSet: DataSet, vr: ValueRepresentation) -> Decision {
        if let items = element.items { return .cleanItems(items) }
        if Self.dateVRs.contains(vr) {
            if dayOffset != nil, let shifted = shifted(element, in: dataSet, vr: vr) { return shifted }
            return .remove
        }
        if vr == .PN { return .replace(WritableElement(tag: element.tag, vr: vr, value: .bytes([]))) }
        if Self.freeTextVRs.contains(vr), element.length > 0 { return apply(.dummy, to: element, in: dataSet, vr: vr) }
        if vr == .UI, Self.namesAnInstance(element.tag) {
            return replacedUIDs(element, in: dataSet, vr: vr, keepingStandard: true)
        }
        return .copy
    }

    /// Whether an untabled UI attribute names an instance or event rather than a class, a transfer
    /// syntax or a coding scheme: such UIDs often embed a device serial number and a time
    /// (Radiopharmaceutical Administration Event UID, for one), so they are replaced too.
    static func namesAnInstance(_ tag: DICOMTag) -> Bool {
        guard let name = tag.name else { return true }
        return !["Class", "TransferSyntax", "Scheme", "Context", "Mapping", "Template", "Definer"].contains {
            name.contains($0)
        }
    }

    /// Every UID of the value replaced by its keyed pseudonym; an empty value stays empty.
    /// With `keepingStandard`, UIDs of the standard itself (1.2.840.10008.x) are kept.
    mutating func replacedUIDs(
        _ element: DataElement, in dataSet: DataSet, vr: ValueRepresentation, keepingStandard: Bool = false
    ) -> Decision {
        guard case .text(let uids) = dataSet.value(of: element), !uids.isEmpty else { return .copy }
        let replaced = uids.map { uid in
            if keepingStandard && uid.hasPrefix("1.2.840.10008.") { return uid }
            let pseudonym = uid.isEmpty ? uid : pseudonymizer.uid(for: uid)
            if !uid.isEmpty { record(.uid, uid, pseudonym) }
            return pseudonym
        }
        return .replace(WritableElement(tag: element.tag, vr: .UI, value: .strings(replaced)))
    }

    /// Dates moved by the patient's day offset; times kept (the shift is whole days). Nil when a
    /// value is not a full date, so the caller falls back to removing it.
    mutating func shifted(_ element: DataElement, in dataSet: DataSet, vr: ValueRepresentation) -> Decision? {
        guard let days = dayOffset else { return nil }
        guard case .text(let values) = dataSet.value(of: element), !values.isEmpty else { return .copy }
        if vr == .TM { return .copy }
        var result: [String] = []
        for value in values {
            let moved = vr == .DA ? DateShift.shiftDate(value, days: days) : DateShift.shiftDateTime(value, days: days)
            guard let moved else { return nil }
            result.append(moved)
        }
        return .replace(WritableElement(tag: element.tag, vr: vr, value: .strings(result)))
    }

    mutating func pseudonymousPatientID(_ element: DataElement, in dataSet: DataSet, vr: ValueRepresentation)
        -> Decision
    {
        guard let original = dataSet.string(Self.patientIDTag) else { return .copy }
        let pseudonym = pseudonymizer.patientID(for: original)
        record(.patientID, original, pseudonym)
        return .replace(WritableElement(tag: element.tag, vr: .LO, value: .strings([pseudonym])))
    }

    mutating func pseudonymousPatientName(_ element: DataElement, in dataSet: DataSet, vr: ValueRepresentation)
        -> Decision
    {
        guard let original = dataSet.string(.patientName) else { return .copy }
        let pseudonym = pseudonymizer.patientName(forPatientID: dataSet.string(Self.patientIDTag) ?? patientID)
        record(.patientName, original, pseudonym)
        return .replace(WritableElement(tag: element.tag, vr: .PN, value: .strings([pseudonym])))
    }
}
