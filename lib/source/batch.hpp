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
