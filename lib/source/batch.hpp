// Running one job per input file on several threads, with output in input order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace nianbao::source {

/// What one job produced: text for stdout and stderr, and counts for the summary.
struct job_result {
    std::string out;
    std::string err;
    std::uint64_t bytes = 0; ///< input bytes processed
    bool failed = false;     ///< the input could not be read or decoded
    std::size_t errors = 0;  ///< findings by severity (check) or problems (extract)
    std::size_t warnings = 0;
    std::size_t infos = 0;
    /// Output written by `emit`, on the calling thread, instead of held in `out`: a job whose
    /// output is large leaves in here what it needs to write it in pieces. Worth it only when
    /// results are emitted as soon as they are made (batch_jobs() == 1): otherwise what it
    /// keeps waits in the window like `out` would.
    std::function<void()> write_later;
};

/// Totals over a batch.
struct batch_summary {
    std::size_t files = 0;
    std::size_t failed = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::uint64_t bytes = 0;
    double seconds = 0;
};

/// Options of run_batch.
struct batch_options {
    unsigned jobs = 0;     ///< worker threads; 0 = all cores
    bool progress = false; ///< draw a progress bar on stderr (only when it is a terminal)
};

/// The worker threads a batch of `inputs` files runs on for a requested number of jobs
/// (0 = all cores): never more than there are files, at least one. With one, no thread is
/// started and each result is emitted as soon as its job returns.
unsigned batch_jobs(unsigned requested, std::size_t inputs);

/// Runs `job(index, input)` on every input on `jobs` threads and passes each result to
/// `emit(index, result)` in input order,
/// on the calling thread, as soon as it and every earlier result are done. Workers never run
/// more than a few dozen inputs ahead of the output, so memory does not grow with the number
/// of files. A job that throws counts as failed; the batch goes on.
batch_summary run_batch(const std::vector<std::string>& inputs,
                        const std::function<job_result(std::size_t, const std::string&)>& job,
                        const std::function<void(std::size_t, job_result&)>& emit,
                        batch_options opts = {});

/// "N reports, E errors, W warnings, I infos, F failed, X MB in S s (R MB/s)".
std::string format_summary(const batch_summary& s);

} // namespace nianbao::source
