// Many keys in one pass (Wu and Manber's shift table over two-byte blocks): a window as long as
// the shortest key moves ahead by as far as its last two bytes allow, and keys are compared only
// where some key's block lines up with them.
#include "model/key_search.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

namespace nianbao::model::detail {

namespace {

// Blocks are hashed into a small table: two blocks that share a slot share the smaller shift,
// which only makes the window move more carefully.
constexpr std::size_t slots = 1024;

std::size_t slot(const char* p) {
    const auto a = static_cast<unsigned char>(p[0]);
    const auto b = static_cast<unsigned char>(p[1]);
    return ((static_cast<std::size_t>(a) << 4) ^ b ^ (static_cast<std::size_t>(a) >> 6)) % slots;
}

// The shift table and the chains of the keys not found yet (at most 254 of them).
struct window_table {
    std::size_t m = 0; // the window: as long as the shortest key
    // shift[slot]: how far the window may move when its last two bytes hash to `slot`.
    std::array<std::uint8_t, slots> shift{};
    // From first[slot] through next[]: the keys whose first window ends in a block of that slot
    // (a position in `blocked` + 1; 0 ends a chain).
    std::array<std::uint8_t, slots> first{};
    std::vector<std::uint8_t> next;

    void build(const std::vector<std::string_view>& keys, const std::vector<std::size_t>& blocked,
               const std::vector<char>& found) {
        m = std::numeric_limits<std::size_t>::max();
        for (const std::size_t k : blocked) {
            m = found[k] != 0 ? m : std::min(m, keys[k].size());
        }
        shift.fill(static_cast<std::uint8_t>(std::min<std::size_t>(m - 1, 255)));
        first.fill(0);
        next.assign(blocked.size(), 0);
        for (std::size_t x = 0; x < blocked.size(); ++x) {
            if (found[blocked[x]] != 0) {
                continue;
            }
            const char* const key = keys[blocked[x]].data();
            for (std::size_t j = 0; j + 1 < m; ++j) {
                const std::size_t to_end = m - 2 - j; // from this block to the window's last one
                auto& s = shift[slot(key + j)];
                s = static_cast<std::uint8_t>(std::min<std::size_t>(s, to_end));
            }
            const std::size_t tail = slot(key + m - 2);
            next[x] = first[tail];
            first[tail] = static_cast<std::uint8_t>(x + 1);
        }
    }
};

} // namespace

std::vector<char> find_keys(std::string_view text, const std::vector<std::string_view>& keys) {
    std::vector<char> found(keys.size(), 0);
    std::vector<std::size_t> blocked; // keys of two bytes or more
    for (std::size_t k = 0; k < keys.size(); ++k) {
        // Keys too short for a block, and those past the 254 a chain index holds: memmem.
        if (keys[k].size() < 2 || blocked.size() == 254) {
            found[k] = ::memmem(text.data(), text.size(), keys[k].data(), keys[k].size()) != nullptr
                           ? 1
                           : 0;
        } else {
            blocked.push_back(k);
        }
    }
    // Every position before `i` is ruled out for every key not found. When a key is found with
    // much text left, the table is built again without it: fewer keys make longer shifts (a
    // report holds most of its template's fingerprints, none of the others'). A rebuild costs
    // about what a scan of a few kilobytes does.
    window_table w;
    w.build(keys, blocked, found);
    const char* const t = text.data();
    const std::size_t n = text.size();
    std::size_t left = blocked.size();
    for (std::size_t i = 0; left > 0 && i + w.m <= n;) {
        const std::size_t here = slot(t + i + w.m - 2);
        if (w.shift[here] != 0) {
            i += w.shift[here];
            continue;
        }
        // Some key's block lines up: compare the keys whose block it is.
        bool hit = false;
        for (std::size_t x = w.first[here]; x != 0; x = w.next[x - 1]) {
            const std::size_t k = blocked[x - 1];
            const std::string_view key = keys[k];
            if (found[k] == 0 && key.size() <= n - i && key[0] == t[i]
                && std::memcmp(t + i, key.data(), key.size()) == 0) {
                found[k] = 1;
                --left;
                hit = true;
            }
        }
        if (hit && left > 0 && n - i > 16384) {
            w.build(keys, blocked, found);
        }
        ++i;
    }
    return found;
}

} // namespace nianbao::model::detail
