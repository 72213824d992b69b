# A made-up provincial variant of gov-2021, for the worked example in docs/templates.md.
# It adds one row to table 2（一）, one table of its own, and a check over that table.

template sc-2021 extends gov-2021
title "某省政府信息公开工作年度报告格式（示例）"
issued "某办函〔2021〕1号（虚构）"
years 2021
# A derived template's fingerprints replace its base's: list the national ones it keeps too.
fingerprint "本年制发件数" "本年废止件数" "现行有效件数" "本年处理决定数量" "本年收费金额"
fingerprint "逾期未按收费通知" "政务新媒体公开情况"

amend t2_1
  row local_docs "其他规范性文件"

table sc_media "政务新媒体公开情况"
  in s2_active
  caption "政务新媒体公开情况"
  header "信息内容"
  column accounts "账号数量" count
  column posts "发布信息数量" count
  row weibo "政务微博"
  row wechat "政务微信" | "微信公众号"

check sc_media_idle warning "没有账号的渠道不应有发布数量"
  for $r in weibo wechat
  when sc_media.$r.accounts == 0
  expect sc_media.$r.posts == 0
