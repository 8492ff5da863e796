import LucidCodecs
import LucidTestSupport
import Testing

@Suite("HTJ2K from many threads at once")
struct HTJ2KConcurrencyTests {
    /// OpenJPH's messages go to process-wide streams; the shim records them per thread, so a
    /// failing decode on one thread never takes another thread's message or fails a good decode.
    @Test("parallel good and corrupt decodes each get their own result and message")
    func parallelDecodes() async throws {
        let sources = (0..<6).map { HTJ2KTestData.random(width: 120, height: 90, precision: 12, seed: 70 + UInt64($0)) }
        let codestreams = try sources.map { try HTJ2KCodec.encode($0) }
        let notHT = codestreams[0].enumerated().map { $0.offset == 6 ? $0.element & 0xBF : $0.element }
        let limits = CodestreamLimits(maximumSampleCount: 120 * 90)
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for job in 0..<96 {
                group.addTask {
                    let index = job % codestreams.count
                    if job % 2 == 0 {
                        let decoded = try? HTJ2KCodec.decodeThroughOpenJPH(codestreams[index], limits: limits)
                        return (job, decoded?.samples == sources[index].samples)
                    }
                    do {
                        _ = try HTJ2KCodec.decodeThroughOpenJPH(notHT, limits: limits)
                        return (job, false)
                    } catch let error as CodecError {
                        guard case let .codestream(_, _, message) = error else { return (job, false) }
                        return (job, message.hasPrefix("Rsiz bit 14 not set"))
                    } catch {
                        return (job, false)
                    }
                }
            }
            var results: [(Int, Bool)] = []
            for await outcome in group { results.append(outcome) }
            return results
        }
        #expect(outcomes.count == 96)
        #expect(outcomes.filter { !$0.1 }.map { $0.0 }.isEmpty)
    }
}
