// The HTML page of seed 003 in a real browser (headless Chromium): its tables and the findings of
// `nianbao check` are in the DOM, and a screenshot is kept under the build directory.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "lint/lint.hpp"
#include "model/binding.hpp"
#include "render/diagnostic_writer.hpp"
#include "render/html.hpp"
#include "support/corpus.hpp"

using namespace nianbao;
namespace fs = std::filesystem;

namespace {

// NIANBAO_CHROMIUM, else `chromium` or `chromium-browser` on the PATH.
std::string find_chromium() {
    if (const char* env = std::getenv("NIANBAO_CHROMIUM"); env != nullptr && *env != '\0') {
        return env;
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "";
    std::size_t pos = 0;
    while (pos <= dirs.size()) {
        const std::size_t colon = dirs.find(':', pos);
        const std::string dir = dirs.substr(pos, colon == std::string::npos ? colon : colon - pos);
        for (const char* name : {"chromium", "chromium-browser"}) {
            const fs::path p = fs::path(dir) / name;
            if (!dir.empty() && fs::exists(p)) {
                return p.string();
            }
        }
        if (colon == std::string::npos) {
            break;
        }
        pos = colon + 1;
    }
    return {};
}

std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    BOOST_REQUIRE(p != nullptr);
    char buf[65536];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) {
        out.append(buf, n);
    }
    pclose(p);
    return out;
}

std::string quote(const std::string& s) {
    return "'" + s + "'";
}

// The page `nianbao check --format html` would show for seed 003.
std::string seed_003_page() {
    std::string path;
    for (const auto& f : test::corpus_files()) {
        if (f.find("/reports/003") != std::string::npos) {
            path = f;
        }
    }
    const ast::document doc = ast::parse(source::text{path, test::read_file(path), "UTF-8", ""});
    const auto set = model::load_templates({});
    const auto m = model::bind(doc, set);
    render::html_options opts;
    opts.model = &m;
    for (const auto& f : render::locate(path, doc, lint::run(doc, m), source::lang::zh)) {
        opts.diagnostics.push_back({f.finding.where, f.finding.level, f.message, f.finding.rule});
    }
    return render::write_html(doc, opts);
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_browser)

BOOST_AUTO_TEST_CASE(shows_tables_and_findings_of_seed_003_in_chromium) {
    const std::string chromium = find_chromium();
    if (chromium.empty()) {
        // CTest reports exit code 77 as "skipped" (tests/CMakeLists.txt); .ci/run installs it.
        std::fprintf(stderr, "render_browser: SKIPPED — chromium not found (bash "
                             ".ci/install-browser, or set NIANBAO_CHROMIUM)\n");
        std::exit(77);
    }
    const fs::path artifacts = fs::read_symlink("/proc/self/exe").parent_path() / "artifacts";
    fs::create_directories(artifacts);
    const fs::path page = artifacts / "seed_003.html";
    std::ofstream(page, std::ios::binary) << seed_003_page();
    const fs::path profile = artifacts / "chromium-profile";
    fs::remove_all(profile);
    const std::string base =
        quote(chromium)
        + " --headless --no-sandbox --disable-gpu --disable-background-networking"
          " --disable-component-update --disable-sync --no-first-run"
          " --user-data-dir="
        + quote(profile.string());
    const std::string url = quote("file://" + page.string());

    const std::string dom = run(base + " --dump-dom " + url + " 2>/dev/null");
    BOOST_REQUIRE_MESSAGE(dom.find("</html>") != std::string::npos, "no DOM from " << chromium);
    std::size_t tables = 0;
    for (std::size_t p = dom.find("<table"); p != std::string::npos;
         p = dom.find("<table", p + 1)) {
        ++tables;
    }
    BOOST_TEST(tables == 3U);
    BOOST_TEST(dom.find("<section class=\"summary\">") != std::string::npos);
    // The wrong caption and the total that is not the sum, highlighted in their cells.
    BOOST_TEST(
        dom.find(
            "<th colspan=\"4\" class=\"diag error\"><mark class=\"diag error\" title=\"表格标题"
            "「第二十六条第（六）项」有误")
        != std::string::npos);
    BOOST_TEST(
        dom.find("<tr><td>（七）总计</td><td class=\"num diag error\"><mark class=\"diag error\" "
                 "title=\"（七）总计 自然人 = 1，但各项办理结果之和 = 0")
        != std::string::npos);

    const fs::path shot = artifacts / "seed_003.png";
    fs::remove(shot);
    run(base + " --hide-scrollbars --window-size=1000,4200 --screenshot=" + quote(shot.string())
        + " " + url + " 2>/dev/null");
    BOOST_TEST(fs::exists(shot));
    BOOST_TEST(fs::file_size(shot) > 10000U);
    BOOST_TEST_MESSAGE("screenshot: " << shot.string());
    fs::remove_all(profile);
}

BOOST_AUTO_TEST_SUITE_END()
