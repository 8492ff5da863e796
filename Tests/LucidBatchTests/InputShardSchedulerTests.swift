import LucidBatch
import Testing

/// `--shard auto`: K/N from Slurm job arrays and Kubernetes Indexed Jobs, and clear refusals.
@Suite struct InputShardSchedulerTests {
    static func slurm(_ id: Int, min: Int, count: Int, step: Int? = nil, max: Int? = nil) -> [String: String] {
        var environment = [
            "SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "\(min)", "SLURM_ARRAY_TASK_COUNT": "\(count)",
        ]
        if let step { environment["SLURM_ARRAY_TASK_STEP"] = "\(step)" }
        if let max { environment["SLURM_ARRAY_TASK_MAX"] = "\(max)" }
        return environment
    }

    @Test("Slurm arrays: 0-based, 1-based and stepped ranges number their tasks 1...N")
    func slurmArrays() throws {
        #expect(try InputShard.fromScheduler(Self.slurm(0, min: 0, count: 8, max: 7)) == InputShard(index: 1, count: 8))
        #expect(try InputShard.fromScheduler(Self.slurm(7, min: 0, count: 8)) == InputShard(index: 8, count: 8))
        #expect(try InputShard.fromScheduler(Self.slurm(3, min: 1, count: 4, max: 4)) == InputShard(index: 3, count: 4))
        #expect(
            try InputShard.fromScheduler(Self.slurm(6, min: 0, count: 8, step: 2, max: 14))
                == InputShard(index: 4, count: 8))
        #expect(
            try InputShard.fromScheduler(Self.slurm(2, min: 0, count: 3), count: 3) == InputShard(index: 3, count: 3))
    }

    @Test("Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX from 0 with --shard-count or LUCID_SHARD_COUNT")
    func kubernetes() throws {
        #expect(try InputShard.fromScheduler(["JOB_COMPLETION_INDEX": "0"], count: 5) == InputShard(index: 1, count: 5))
        #expect(
            try InputShard.fromScheduler(["JOB_COMPLETION_INDEX": "4", "LUCID_SHARD_COUNT": "5"])
                == InputShard(index: 5, count: 5))
    }

    @Test(
        "Refusals say what is missing or inconsistent",
        arguments: [
            ([:], nil, "neither a Slurm job array (SLURM_ARRAY_TASK_ID) nor a Kubernetes Indexed Job"),
            (["SLURM_ARRAY_TASK_ID": "", "JOB_COMPLETION_INDEX": ""], nil, "neither a Slurm job array"),
            (["JOB_COMPLETION_INDEX": "2"], nil, "add --shard-count N with the Job's completions"),
            (["JOB_COMPLETION_INDEX": "5"], 5, "gives shard 6 of 5, outside 1...N"),
            (["JOB_COMPLETION_INDEX": "x"], 5, "JOB_COMPLETION_INDEX 'x' is not a whole number"),
            (["SLURM_ARRAY_TASK_ID": "1", "JOB_COMPLETION_INDEX": "1"], nil, "both SLURM_ARRAY_TASK_ID and"),
            (["SLURM_ARRAY_TASK_ID": "1"], nil, "SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT are not whole"),
            (slurm(7, min: 1, count: 4, max: 7), nil, "are not one evenly stepped range"),
            (slurm(3, min: 0, count: 4, step: 2, max: 6), nil, "is not in the array's range from 0 by 2"),
            (slurm(1, min: 0, count: 4), 8, "--shard-count 8 disagrees with SLURM_ARRAY_TASK_COUNT 4"),
        ] as [([String: String], Int?, String)])
    func refusals(environment: [String: String], count: Int?, message: String) {
        do {
            let shard = try InputShard.fromScheduler(environment, count: count)
            Issue.record("accepted as \(shard)")
        } catch {
            #expect(error.description.hasPrefix("--shard auto: ") && error.description.contains(message), "\(error)")
        }
    }
}
