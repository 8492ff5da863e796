import Foundation

/// A Foundation file error in words a person reads: the POSIX cause when there is one or when the
/// Cocoa code stands for one (`Read-only file system (errno 30)`), else the error's localized
/// description; never the raw
/// `Error Domain=NSCocoaErrorDomain Code=642 ... UserInfo={...}` dump.
public enum SystemErrorText {
    public static func describe(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return posix(Int32(truncatingIfNeeded: error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return posix(Int32(truncatingIfNeeded: underlying.code))
        }
        if error.domain == NSCocoaErrorDomain, let code = posixCode(ofCocoaCode: error.code) { return posix(code) }
        return error.localizedDescription
    }

    /// The POSIX error a Foundation file error stands for when Foundation dropped it (a write into a
    /// read-only mount is `CocoaError.fileWriteVolumeReadOnly`, code 642, with no underlying error).
    private static func posixCode(ofCocoaCode code: Int) -> Int32? {
        switch CocoaError.Code(rawValue: code) {
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileWriteFileExists: return EEXIST
        default: return nil
        }
    }

    private static func posix(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text) + " (errno \(code))"
    }
}
