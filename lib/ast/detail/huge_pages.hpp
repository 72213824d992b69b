// Asking the kernel for transparent huge pages under a large buffer that is about to be written.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace nianbao::ast::detail {

// Node memory is written once, front to back, and a large report makes hundreds of megabytes of
// it: on Linux, first-touch page faults then cost as much as the parse itself. Transparent huge
// pages (where the system leaves them to madvise) take one fault per 2 MiB instead of per 4 KiB;
// pages are still only allocated where nodes are written. Elsewhere this does nothing.
inline void advise_huge_pages([[maybe_unused]] const void* data,
                              [[maybe_unused]] std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20U;
    const auto first = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
    const auto last = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge - 1);
    if (last > first) {
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE); // advice only
    }
#endif
}

} // namespace nianbao::ast::detail
