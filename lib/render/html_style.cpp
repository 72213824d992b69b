// The CSS of the HTML page: screen and A4 print.
#include "render/detail/html_parts.hpp"

namespace nianbao::render::detail {

namespace {

// Body text in 仿宋, the title in 小标宋, level-1 headings in 黑体 and level-2 in 楷体, as
// GB/T 9704 sets official documents; each stack ends in fonts Linux and macOS have.
constexpr std::string_view style = R"css(
@page { size: A4; margin: 25mm 22mm 25mm 24mm; }
:root { --serif: "FangSong_GB2312", "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC",
  "Source Han Serif SC", "Songti SC", "SimSun", "AR PL UMing CN", serif; }
html { background: #e8e8e8; }
body { font-family: var(--serif); font-size: 16pt; line-height: 1.75; color: #000;
  max-width: 210mm; margin: 12mm auto; padding: 20mm 22mm; background: #fff;
  box-shadow: 0 0 6px rgba(0,0,0,.25); box-sizing: border-box; }
h1.title { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "STZhongsong", "Noto Serif CJK SC",
  "Source Han Serif SC", "SimSun", serif; font-size: 22pt; font-weight: bold; text-align: center;
  line-height: 1.5; margin: 0 0 1em; }
h2, h3, h4, h5 { font-size: 16pt; margin: .4em 0; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  font-weight: normal; text-indent: 2em; }
h3 { font-family: "KaiTi_GB2312", "KaiTi", "STKaiti", "楷体", "AR PL UKai CN", var(--serif);
  font-weight: normal; text-indent: 2em; }
h4, h5 { font-family: var(--serif); font-weight: bold; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.signature, p.date { text-align: right; text-indent: 0; padding-right: 2em; }
p.signature { margin-top: 2em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: 10.5pt;
  line-height: 1.35; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
td { text-align: left; }
td.num { text-align: center; }
tr { page-break-inside: avoid; }
mark.diag { background: #ffe08a; color: inherit; border-bottom: 2px solid #c77c00; }
mark.diag.error { background: #ffc9c9; border-bottom-color: #c00; }
mark.diag.info { background: #d6e8ff; border-bottom-color: #2a6ebb; }
td.diag, th.diag, tr.diag > td, tr.diag > th, table.diag { outline: 2px solid #c77c00;
  outline-offset: -2px; }
td.diag.error, th.diag.error, tr.diag.error > td, tr.diag.error > th, table.diag.error {
  outline-color: #c00; background: #fff0f0; }
sup.ref { font-size: 8pt; font-family: sans-serif; color: #c00; margin-left: 1pt; }
sup.ref a { color: inherit; text-decoration: none; }
.notes { margin: .3em 0 .8em; font-family: sans-serif; font-size: 9.5pt; line-height: 1.5; }
.note { text-indent: 0; margin: .15em 0; padding: .15em .5em; border-left: 3px solid #c77c00;
  background: #fff8e6; }
.note.error { border-left-color: #c00; background: #fff0f0; }
.note.info { border-left-color: #2a6ebb; background: #eef5ff; }
.note .n { font-weight: bold; margin-right: .4em; }
.note code, .summary code { font-size: 8.5pt; color: #555; margin-left: .4em; }
.summary { font-family: sans-serif; font-size: 10pt; line-height: 1.5; border: 1px solid #c00;
  background: #fffafa; padding: .6em 1em; margin: 0 0 1.5em; }
.summary h2 { font-family: sans-serif; font-size: 12pt; font-weight: bold; text-indent: 0;
  margin: 0 0 .3em; }
.summary p { text-indent: 0; }
.summary ol { margin: .3em 0 0; padding-left: 1.6em; }
.summary a { color: #000; }
.sev { font-weight: bold; margin-right: .4em; }
.sev.error { color: #c00; } .sev.warning { color: #a56300; } .sev.info { color: #2a6ebb; }
@media print {
  html { background: none; }
  body { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .summary { page-break-after: always; }
}
)css";

} // namespace

std::string_view page_style() {
    return style;
}

} // namespace nianbao::render::detail
