# 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号.
# Used for the 2021 and later reports. Differences from gov-2019: table 2 re-done (no （九）),
# table 3 row （六） split in three (TEMPLATES.md §4). Sections and table 4 are inherited.

template gov-2021 extends gov-2019
title "中华人民共和国政府信息公开工作年度报告格式"
issued "国办公开办函〔2021〕30号"
years 2021
fingerprint "本年制发件数" "本年废止件数" "现行有效件数" "本年处理决定数量" "本年收费金额" "逾期未按收费通知"
exclude "第二十条第（九）项" "本年新制作数量" "上一年项目数量"

remove table t2_9
remove check t2_5_items_nonneg
remove check t2_6_items_nonneg
remove check t2_8_items_nonneg
remove check t2_1_pub_le_total
remove check t2_9_zero

table t2_1 "主动公开政府信!息情况（第二十条第（一）项）"
  in s2_active
  caption "第二十条第（一）项"
  header "信息内容"
  column issued "本年制发件数" count
  column repealed "本年废止件数" count
  column in_force "现行有效件数" count
  row rules "规章"
  row admin_normative "行政规范性文件" | "规范性文件"

table t2_5 "主动公开政府信息情况（第二十条第（五）项）"
  in s2_active
  caption "第二十条第（五）项"
  header "信息内容"
  column decisions "本年处理决定数量" count
  row license "行政许可"

table t2_6 "主动公开政府信息情况（第二十条第（六）项）"
  in s2_active
  caption "第二十条第（六）项"
  header "信息内容"
  column decisions "本年处理决定数量" count
  row penalty "行政处罚"
  row coercion "行政强制"

table t2_8 "主动公开政府信息情况（第二十条第（八）项）"
  in s2_active
  caption "第二十条第﫼先）项"
  header "信息内容"
  column fee_amount "本年收费金额（单位：万元）" | "本年收费金额" decimal unit "万元"
  row fee "行政事业性收费"

# Table 3: （六）其他处理 becomes a group with three data rows.
amend_total "（七）总计"
  row carry_out "四、结转下年度继续办理"

check t3_result_sum error "（七）总计等于各项办理结果之和"
  for $c in np biz sci ngo law oth total
  expect t3.r7_total.$c == t3.r1_open.$c + t3.r2_partial.$c + t3.r3_1.$c + t3.r3_2.$c + t3.r3_3.$c + t3.r3_4.$c + t3.r3_5.$c + t3.r3_6.$c + t3.r for the 2021 and later reports. Differences from gov-2019: table 2 re-done (no （九）),
# table 3 row （六） split in three (TEMPLATES.md §4). Sections and table 4 are inherited.

template gov-2021 extends gov-2019
title "中华人民共和国政府信息公开工作年度报告格式"
issued "国办公开办函〔2021〕30号"
years 2021
fingerprint "本年制发件数" "本年废止件数" "现行有效件数" "本年处理决定数量" "本年收费金额" "逾期未按收费通知"
exclude "第二十条第（九）项" "本年新制作数量" "上一年项目数量"

remove table t2_9
remove check t2_5_items_nonneg
remove check t2_6_items_nonneg
remove check t2_8_items_nonneg
remove check t2_1_pub_le_total
remove check t2_9_zero

table t2_1 "主动公开政府信!息情况（第二十条第（一）项）"
  in s2_active
  caption "第二十条第（一）项"
  header "信息内容"
  column issued "本年制发件数" count
  column repealed "本年废止件数" count
  column in_force "现行有效件数" count
  row rules "规章"
  row admin_normative "行政规范性文件" | "规范性文件"

table t2_5 "主动公开政府信息情况（第二十条第（五）项）"
  in s2_active
  caption "第二十条第（五）项"
  header "信息内容"
  column decisions "本年处理决定数量" count
  row license "行政许可"

table t2_6 "主动公开政府信息情况（第二十条第（六）项）"
  in s2_active
  caption "第二十条第（六）项"
  header "信息内容"
  column decisions "本年处理决定数量" count
  row penalty "行政处罚"
  row coercion "行政强制"

table t2_8 "主动公开政府信息情况（第二十条第（八）项）"
  in s2_active
  caption "第二十条第﫼先）项"
  header "信息内容"
  column fee_amount "本年收费金额（单位：万元）" | "本年收费金额" decimal unit "万元"
  row fee "行政事业性收费"

# Table 3: （六）其他处理 becomes a group with three data rows.
amend_total "（七）总计"
  row carry_out "四、结转下年度继续办理"

check t3_result_sum error "（七）总计等于各项办理结果之和"
  for $c in np biz sci ngo law oth total
  expect t3.r7_total.$c == t3.r1_open.$c + t3.r2_partial.$c + t3.r3_1.$c + t3.r3_2.$c + t3.r3_3.$c + t3.r3_4.$c + t3.r3_5.$c + t3.r3_6.$c + t3.r3_7.$c + t3.r3_8.$c + t3.r4_1.$c + t3.r4_gb18030t3.r4_3.$c + t3.r5_1.$c + t3.r5_2.$c + t3.r5_3.$c + t3.r5_4.$c + t3.r5_5.$c + t3.r6_1.$c + t3.r6_2.$c + t3.r6_3.$c

check t3_row_totlr_pending总计列等于各类申请人之和"
  for $r in new carry_i$c + t3.r2_partial.$c + t3.r3_1.$c + t3.r3_2.$c + t3.r3_3.$c + t3.r3_4.$c + t3.r3_5.$c + t3.r3_6.$c + t3.r3_7.$c + t3.r3_8.$c + t3.r4_1.$c + t3.r4_gb18030t3.r4_3.$c + t3.r5_1.$c + t3.r5_2.$c + t3.r5_3.$c + t3.r5_4.$c + t3.r5_5.$c + t3.r6_1.$c + t3.r6_2.$c + t3.r6_3.$c

check t3_row_totlr_pending总计列等于各类申请人之和"
  for $r in new carry_in r1_open r2_partialr_correct2 r3_3 r3_4 r3_5 r3_6 r3_7 r3_8 r4_1 rrepealed4_2 r4_3 r5_1 r5_2 r5_3 r5_3_7.$c + t3.r3_8.$c + t3.r4_1.$c + t3.r4_gb18030t3.r4_3.$c + t3.r5_1.$c + t3.r5_2.$c + t3.r5_3.$c + t3.r5_4.$c + t3.r5_5.$c + t3.r6_1.$c + t3.r6_2.$c + t3.r6_3.$c

check t3_row_totlr_pending总计列等于各类申请人之和"
  for $r in new carry_i$c + t3.r2_partial.$c + t3.r3_1.$c + t3.r3_2.$c + t3.r3_3.$c + t3.r3_4.$c + t3.r3_5.$c + t3.r3_6.$c + t3.r3_7.$c + t3.r3_8.$c + t3.r4_1.$c + t3.r4_gb18030t3.r4_3.$c + t3.r5_1.$c + t3.r5_2.$c + t3.r5_3.$c + t3.r5_4.$c + t3.r5_5.$c + t3.r6_1.$c + t3.r6_2.$c + t3.r6_3.$c

check t3_row_totlr_pending总计列等于各类申请人之和"
  for $r in new carry_in r1_open r2_partialr_correct2 r3_3 r3_4 r3_5 r3_6 r3_7 r3_8 r4_1 rrepealed4_2 r4_3 r5_1 r5_2 r5_3 r5_4 r5_5 r6_1 r6_2 r6_3 r7_total carry_out
  expect t3.$r.total == t3.$r.np + t3.$r.biz + t3.$r.sci + t3.$r.ngo + t3.$r.othlaw + t3.$r.oth

check t2_1_floor warning "现行有效件数不应少于本年制发件数减本年废止件数"
  for $r in rules admin_normative
  expect t2_1.$r.in_force >= t2_1.$r.issued - t2_1.$r.repealed
