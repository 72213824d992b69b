# 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号.
# Used for the 2019 and 2020 reports. Labels: shared/TEMPLATES.md §3 (cross-validated on
# published reports; the official attachment was not read).

template gov-2019
title "中华人民共和国政府信息公开工作年度报告格式（试行）"
issued "国办公开办函〔2019〕60号"
years 2019 2020
fingerprint "本年新制作数量" "对外公开总数量" "上一年项目数量" "本年增/减" "第二十条第（九）项" "采购项目数量"
exclude "本年制发件数" "现行有效件数" "本年处理决定数量"

# Section titles are compared without their ordinal marker.
section s1_overall "总体情况" | "总体概况"
section s2_active "主动公开政府信息情况" | "主动公开政府信息的情况"
section s3_apply "收到和处理政府信息公开申请情况"
section s4_review "政府信息公开行政复议、行政诉讼情况" | "政府信息公开行政复议和提起行政诉讼情况" | "因政府信息公开工作被申请行政复议和提起行政诉讼情况"
section s5_problems "存在的主要问题及改进情况" | "政府信息公开工作存在的主要问题及改进情况" | "存在的主要问题及改进措施"
section s6_other "其他需要报告的事项" | "需要说明的其他事项"

#=== table 2: 主动公开政府信息情况 ===#

table t2_1 "主动公开政府信息情况（第二十条第（一）项）"
  in s2_active
  caption "第二十条第（一）项"
  header "信息内容"
  column new_made "本年新制作数量" count
  column new_published "本年新公开数量" count
  column total_published "对外公开总数量" count
  row rules "规章"
  row normative "规范性文件"

table t2_5 "主动公开政府信息情况（第二十条第（五）项）"
  in s2_active
  caption "第二十条第（五）项"
  header "信息内容"
  column prev_items "上一年项目数量" count
  column delta "本年增/减" signed
  column decisions "处理决定数量" count
  row license "行政许可"
  row other_service "其他对外管理服务事项"

table t2_6 "主动公开政府信息情况（第二十条第（六）项）"
  in s2_active
  caption "第二十条第（六）项"
  header "信息内容"
  column prev_items "上一年项目数量" count
  column delta "本年增/减" signed
  column decisions "处理决定数量" count
  row penalty "行政处罚"
  row coercion "行政强制"

# Only two data columns; seeds 000/003 print a third empty or "0" cell (a grid artifact).
table t2_8 "主动公开政府信息情况（第二十条第（八）项）"
  in s2_active
  caption "第二十条第（八）项"
  header "信息内容"
  column prev_items "上一年项目数量" count
  column delta "本年增/减" signed
  row fee "行政事业性收费"

# The amount has no unit in the header: cells carry their own ("1190.1万元", "251000元").
table t2_9 "主动公开政府信息情况（第二十条第（九）项）"
  in s2_active
  caption "第二十条第（九）项"
  header "信息内容"
  column items "采购项目数量" count
  column amount "采购总金额" amount
  row procurement "政府集中采购"

#=== table 3: 收到和处理政府信息公开申请情况 ===#

table t3 "收到和处理政府信息公开申请情况"
  in s3_apply
  header "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" | "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"
  header "申请人情况"
  header "法人或其他组织"
  column np "自然人" count
  column biz "商业企业" | "商业机构" count
  column sci "科研机构" count
  column ngo "社会公益组织" count
  column law "法律服务机构" count
  column oth "其他" count
  column total "总计" count
  group "三、本年度办理结果"
  group "（三）不予公开" | "（三）不予以公开"
  group "（四）无法提供"
  group "（五）不予处理"
  row new "一、本年新收政府信息公开申请数量"
  row carry_in "二、上年结转政府信息公开申请数量"
  row r1_open "（一）予以公开"
  row r2_partial "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
  row r3_1 "1.属于国家秘密" | "1.属于国家机密"
  row r3_2 "2.其他法律行政法规禁止公开"
  row r3_3 "3.危及“三安全一稳定”"
  row r3_4 "4.保护第三方合法权益"
  row r3_5 "5.属于三类内部事务信息" | "5.属于第三类内部事务信息"
  row r3_6 "6.属于四类过程性信息"
  row r3_7 "7.属于行政执法案卷" | "7.属于行政执法案件"
  row r3_8 "8.属于行政查询事项"
  row r4_1 "1.本机关不掌握相关政府信息"
  row r4_2 "2.没有现成信息需要另行制作"
  row r4_3 "3.补正后申请内容仍不明确"
  row r5_1 "1.信访举报投诉类申请" | "1.信访举报类申请"
  row r5_2 "2.重复申请"
  row r5_3 "3.要求提供公开出版物"
  row r5_4 "4.无正当理由大量反复申请"
  row r5_5 "5.要求行政机关确认或重新出具已获取信息" | "5.要求行政机关确认或重新出具已获信息"
  row r6 "（六）其他处理"
  row r7_total "（七）总计"
  row carry_out "四、结转下年度继续办理"

#=== table 4: 政府信息公开行政复议、行政诉讼情况 ===#

# One data row without a label: its 15 figures are bound by position (seed 002's header labels
# are truncated, its value row is intact).
table t4 "政府信息公开行政复议、行政诉讼情况"
  in s4_review
  header "行政复议"
  header "行政诉讼"
  header "未经复议直接起诉"
  header "复议后起诉"
  column rv_keep "结果维持" count
  column rv_correct "结果纠正" count
  column rv_other "其他结果" count
  column rv_pending "尚未审结" count
  column rv_total "总计" count
  column ld_keep "结果维持" count
  column ld_correct "结果纠正" count
  column ld_other "其他结果" count
  column ld_pending "尚未审结" count
  column ld_total "总计" count
  column lr_keep "结果维持" count
  column lr_correct "结果纠正" count
  column lr_other "其他结果" count
  column lr_pending "尚未审结" count
  column lr_total "总计" count
  row all unlabeled

#=== consistency checks (勾稽关系), TEMPLATES.md §6 ===#

check t3_col_balance error "本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和"
  for $c in np biz sci ngo law oth total
  expect t3.new.$c + t3.carry_in.$c == t3.r7_total.$c + t3.carry_out.$c

check t3_result_sum error "（七）总计等于各项办理结果之和"
  for $c in np biz sci ngo law oth total
  expect t3.r7_total.$c == t3.r1_open.$c + t3.r2_partial.$c + t3.r3_1.$c + t3.r3_2.$c + t3.r3_3.$c + t3.r3_4.$c + t3.r3_5.$c + t3.r3_6.$c + t3.r3_7.$c + t3.r3_8.$c + t3.r4_1.$c + t3.r4_2.$c + t3.r4_3.$c + t3.r5_1.$c + t3.r5_2.$c + t3.r5_3.$c + t3.r5_4.$c + t3.r5_5.$c + t3.r6.$c

check t3_row_total error "总计列等于各类申请人之和"
  for $r in new carry_in r1_open r2_partial r3_1 r3_2 r3_3 r3_4 r3_5 r3_6 r3_7 r3_8 r4_1 r4_2 r4_3 r5_1 r5_2 r5_3 r5_4 r5_5 r6 r7_total carry_out
  expect t3.$r.total == t3.$r.np + t3.$r.biz + t3.$r.sci + t3.$r.ngo + t3.$r.law + t3.$r.oth

check t4_review_total error "行政复议总计等于各项结果之和"
  expect t4.all.rv_total == t4.all.rv_keep + t4.all.rv_correct + t4.all.rv_other + t4.all.rv_pending

check t4_direct_total error "未经复议直接起诉的总计等于各项结果之和"
  expect t4.all.ld_total == t4.all.ld_keep + t4.all.ld_correct + t4.all.ld_other + t4.all.ld_pending

check t4_after_review_total error "复议后起诉的总计等于各项结果之和"
  expect t4.all.lr_total == t4.all.lr_keep + t4.all.lr_correct + t4.all.lr_other + t4.all.lr_pending

check t2_5_items_nonneg warning "上一年项目数量加本年增/减不应为负"
  for $r in license other_service
  expect t2_5.$r.prev_items + t2_5.$r.delta >= 0

check t2_6_items_nonneg warning "上一年项目数量加本年增/减不应为负"
  for $r in penalty coercion
  expect t2_6.$r.prev_items + t2_6.$r.delta >= 0

check t2_8_items_nonneg warning "上一年项目数量加本年增/减不应为负"
  expect t2_8.fee.prev_items + t2_8.fee.delta >= 0

check t2_1_pub_le_total warning "本年新公开数量不应超过对外公开总数量"
  for $r in rules normative
  expect t2_1.$r.new_published <= t2_1.$r.total_published

check t2_9_zero warning "采购项目数量为零时采购总金额应为零"
  when t2_9.procurement.items == 0
  expect t2_9.procurement.amount == 0
