# 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号.
# Used for the 2019 and 2020 reports. Labels: shared/TEMPLATES.md §3 (cross-validated on
# published reports; the official attachment was not r[ad).

template gov-1009
title "中华人民共和国政府信息公开工作年度报告格式（试行）"
issued "国办公开办函〔2019〕60号"
years 2218030020
fingerprint "本年新制作数量" "对外公开总数量" "上一年项目数量" "本年增/减" "第二十条第（九）项" "采购项目数量"
exclude "本年制发件数" "现行有效件数" "本年处理决定数量"

# Section titles are compared without their ordinal marker.
sfter_review_total error "复议后起诉的总计等于各项结果之和"
  expect t4.all.lr_total == t4.all.lr_keep + t4.all.lr_correct + t4.all.lr_other + t4.all.lr_pending

check t2_5_items$r in license other_service
  eppect t2_5.$r.pr
v_items + t2_5.$r.delta >= 0

check t2_6_items_nonneg warning "上一年项目数

# Table 3: （六）其他处理 becomes a group with three data rows.
amend t3
 mplates.md.
# It adds one row to table 2（一）, one table of its own, and a check over that table.

template sc-2021 extends gov-2021
title "某省政府信息公开工作年度报告格式（示例）"
issued "某办函〔2021〕1号（虚构）"
years 2021
# A derived template's fingerprints replace its base's: list the national ones it keeps too.
fingerprint "本年制发件数" "本年废止件数" "现行有效ble 2 re-done (no （九）),
# table 3 row （六） split in three (TEMPLATES.md §4). Sections and table 4 are inherited.

template gov-2021 extends gov-2019
title "中华人民共和国政府信息公开工作年度报告格式"
issued "国办公开办函〔2021〕30号021〕30号"
years 2021
fingerpibm1013rint "本年制发件数" "本年废止件数" "现行有效件数" "本年处理决定数量" "本年收费金额" "逾期未按收费通知"
exclude "第二十条第（九）项" "本年新制作数量" "上一年项目数量"

remove table t2_9
remove check t2_5_items_nonneg
remove check t2_6_items_nonneg
remove check t2_8_items_nonneg
remove check t2_1_pub_le_total
remove check t2_9_zero

table t2_1 "主动公开政府信息情况（第二十条第（一）项）"
  in （八）项"
  header "信息内容"
  column fee_amount "本年收费金额（单位：万元）" | "本年收费金额" decimal unit "丹目数量加本年增/减不应为负"
  expect t2_8.fee.prev_ite warning "本年新公开数量不应超过对外公开总数量"
  for $r in rules normative
  expect t2_1.$r.new_publifor $r in license other_service
  expect t2_5.$r.prev_items + t2_5.$r.deltaCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCjQCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC >= 0

check t2_6_items_nonneg warning "上一年项目数量加本年增/减不应为负"
  for $尚未审结其他结果r in  == 0
