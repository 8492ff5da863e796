/// `--shard auto`: K/N from the scheduler that started this process, so one job script runs
/// `lucid process ... --shard auto` on every task of an array.
///
/// - Slurm job arrays (`sbatch --array=0-7`): K = (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN) /
///   step + 1 and N = SLURM_ARRAY_TASK_COUNT, the step being SLURM_ARRAY_TASK_STEP (1 when unset).
///   An array whose task IDs are not one evenly stepped range (`--array=1-3,7`) cannot be numbered
///   1...N from these variables and is refused.
/// - Kubernetes Indexed Jobs (`completionMode: Indexed`): K = JOB_COMPLETION_INDEX + 1; N is the
///   Job's `completions`, which Kubernetes does not put in the environment: it is given as
///   `--shard-count N` (or LUCID_SHARD_COUNT, e.g. from the Job's own manifest).
///
/// An empty variable counts as absent. Both schedulers at once is refused rather than guessed.
extension InputShard {
    /// The shard this process is, from `environment`; `count` is `--shard-count` when given.
    /// - Throws: `InputShardError.scheduler` saying what is missing or inconsistent.
    public static func fromScheduler(_ environment: [String: String], count: Int? = nil) throws(InputShardError)
        -> InputShard
    {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        let slurm = value("SLURM_ARRAY_TASK_ID"), kubernetes = value("JOB_COMPLETION_INDEX")
        switch (slurm, kubernetes) {
        case (.some, .some):
            throw .scheduler(
                "both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set; give --shard K/N explicitly")
        case (.some(let id), nil):
            return try slurmShard(id: id, value: value, count: count)
        case (nil, .some(let index)):
            guard let index = wholeNumber(index) else {
                throw .scheduler("JOB_COMPLETION_INDEX '\(index)' is not a whole number")
            }
            guard let total = count ?? value("LUCID_SHARD_COUNT").flatMap(wholeNumber) else {
                throw .scheduler(
                    "a Kubernetes Indexed Job (JOB_COMPLETION_INDEX \(index)) does not give the number of "
                        + "completions: add --shard-count N with the Job's completions")
            }
            return try checked(index: index + 1, count: total, from: "JOB_COMPLETION_INDEX \(index)")
        case (nil, nil):
            throw .scheduler(
                "neither a Slurm job array (SLURM_ARRAY_TASK_ID) nor a Kubernetes Indexed Job "
                    + "(JOB_COMPLETION_INDEX) started this process; give --shard K/N")
        }
    }

    private static func slurmShard(id text: String, value: (String) -> String?, count: Int?) throws(InputShardError)
        -> InputShard
    {
        guard let id = wholeNumber(text), let minimum = value("SLURM_ARRAY_TASK_MIN").flatMap(wholeNumber),
            let total = value("SLURM_ARRAY_TASK_COUNT").flatMap(wholeNumber)
        else {
            throw .scheduler(
                "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT are not whole "
                    + "numbers; is this a job array (sbatch --array)?")
        }
        let step = value("SLURM_ARRAY_TASK_STEP").flatMap(wholeNumber) ?? 1
        if let maximum = value("SLURM_ARRAY_TASK_MAX").flatMap(wholeNumber),
            step < 1 || (maximum - minimum) % step != 0 || (maximum - minimum) / step + 1 != total
        {
            throw .scheduler(
                "the job array's task IDs (\(minimum)...\(maximum), step \(step), \(total) tasks) are not one evenly "
                    + "stepped range; give --shard K/N explicitly")
        }
        guard step >= 1, id >= minimum, (id - minimum) % step == 0 else {
            throw .scheduler("SLURM_ARRAY_TASK_ID \(id) is not in the array's range from \(minimum) by \(step)")
        }
        if let count, count != total {
            throw .scheduler("--shard-count \(count) disagrees with SLURM_ARRAY_TASK_COUNT \(total)")
        }
        return try checked(index: (id - minimum) / step + 1, count: total, from: "SLURM_ARRAY_TASK_ID \(id)")
    }

    private static func checked(index: Int, count: Int, from source: String) throws(InputShardError) -> InputShard {
        guard (1...maximumCount).contains(count), (1...count).contains(index) else {
            throw .scheduler("\(source) gives shard \(index) of \(count), outside 1...N (N at most \(maximumCount))")
        }
        return InputShard(index: index, count: count)
    }

    private static func wholeNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
