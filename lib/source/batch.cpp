// The batch runner: a shared cursor over the inputs, a bounded window of pending results, and
// the caller's thread writing results in order.
#include "source/batch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

namespace nianbao::source {

namespace {

void draw_progress(std::size_t done, std::size_t total, std::uint64_t bytes, double seconds) {
    constexpr std::size_t width = 30;
    const std::size_t filled = total == 0 ? width : done * width / total;
    const double mb = static_cast<double>(bytes) / 1e6;
    fmt::print(stderr, "\r[{:=<{}}{: <{}}] {}/{} {:.1f} MB/s", "", filled, "", width - filled, done,
               total, seconds > 0 ? mb / seconds : 0.0);
    std::fflush(stderr);
}

} // namespace

unsigned batch_jobs(unsigned requested, std::size_t inputs) {
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const auto files = static_cast<unsigned>(std::min<std::size_t>(inputs, 0xFFFFFFFFU));
    return std::max(1U, std::min<unsigned>(requested == 0 ? cores : requested, files));
}

batch_summary run_batch(const std::vector<std::string>& inputs,
                        const std::function<job_result(std::size_t, const std::string&)>& job,
                        const std::function<void(std::size_t, job_result&)>& emit,
                        batch_options opts) {
    const auto start = std::chrono::steady_clock::now();
    const unsigned jobs = batch_jobs(opts.jobs, inputs.size());
    const std::size_t window = static_cast<std::size_t>(jobs) * 8;
    const bool progress = opts.progress && ::isatty(STDERR_FILENO) != 0 && inputs.size() > 1;

    const auto run_one = [&](std::size_t i) {
        try {
            return job(i, inputs[i]);
        } catch (const std::exception& e) {
            job_result r;
            r.failed = true;
            r.err = fmt::format("{}: error: internal error: {}\n", inputs[i], e.what());
            return r;
        }
    };
    batch_summary sum;
    const auto deliver = [&](std::size_t i, job_result& r) {
        sum.files += 1;
        sum.failed += r.failed ? 1 : 0;
        sum.errors += r.errors;
        sum.warnings += r.warnings;
        sum.infos += r.infos;
        sum.bytes += r.bytes;
        if (progress) {
            std::fputs("\r\033[K", stderr); // clear the bar before printing findings
        }
        emit(i, r);
        if (progress) {
            const std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
            draw_progress(i + 1, inputs.size(), sum.bytes, d.count());
        }
    };
    const auto finish = [&] {
        if (progress) {
            std::fputs("\r\033[K", stderr);
        }
        const std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
        sum.seconds = d.count();
        return sum;
    };
    if (jobs == 1) {
        // One job: no worker thread, no hand-over per report.
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            job_result r = run_one(i);
            deliver(i, r);
        }
        return finish();
    }
    std::vector<std::optional<job_result>> slots(inputs.size());
    std::mutex m;
    std::condition_variable cv;
    std::size_t next_job = 0;  // guarded by m
    std::size_t next_emit = 0; // guarded by m

    auto worker = [&] {
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock lock(m);
                // Backpressure: stay within `window` of the output.
                cv.wait(lock,
                        [&] { return next_job >= inputs.size() || next_job < next_emit + window; });
                if (next_job >= inputs.size()) {
                    return;
                }
                i = next_job++;
            }
            job_result r = run_one(i);
            {
                std::lock_guard lock(m);
                slots[i] = std::move(r);
            }
            cv.notify_all();
        }
    };

    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) {
        threads.emplace_back(worker);
    }
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        job_result r;
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return slots[i].has_value(); });
            r = std::move(*slots[i]);
            slots[i].reset();
            next_emit = i + 1;
        }
        cv.notify_all();
        deliver(i, r);
    }
    for (auto& t : threads) {
        t.join();
    }
    return finish();
}

std::string format_summary(const batch_summary& s) {
    const double mb = static_cast<double>(s.bytes) / 1e6;
    return fmt::format(
        "{} reports, {} errors, {} warnings, {} infos, {} failed, {:.1f} MB in {:.2f} s "
        "({:.1f} MB/s)",
        s.files, s.errors, s.warnings, s.infos, s.failed, mb, s.seconds,
        s.seconds > 0 ? mb / s.seconds : 0.0);
}

} // namespace nianbao::source
