# 《政府信息公开情况统计表》 (国办发〔2014〕32号 statistics system), used with a free-form report
# of 6 to 9 parts for about 2014 to 2018. Rows transcribed from seed 004 (TEMPLATES.md §5.2);
# the national row list per year was not retrieved, so unknown rows are kept as extra rows.

template gov-2014
title "政府信息公开情况统计表"
issued "国办发〔2014〕32号"
years 2008 2018
fingerprint "政府信息公开情况统计表" "统计指标" "收到申请数" "申请答复数" "当面申请数" "回应解读情况"
exclude "本年新制作数量" "本年制发件数"

# The old reports have 6 to 9 free-form parts; none is required by a national format.
section p_basic "基本工作情况" | "概述" | "政府信息公开工作要点落实情况" optional
section p_active "主动公开政府信息情况" | "主动公开政府信息的情况" optional
section p_response "回应解读情况" optional
section p_apply "依申请公开政府信息情况" | "依申请公开政府信息和不予公开政府信息的情况" optional
section p_fees "政府信息公开的收费及减免情况" optional
section p_review "行政复议、诉讼和举报投诉情况" | "政府信息公开行政复议、行政诉讼和投诉情况" | "因政府信息公开申请行政复议、提起行政诉讼的情况" optional
section p_staff "机构建设、保障经费和培训会议情况" | "机构建设和保障经费情况" optional
section p_problems "存在问题及工作打算" | "存在的主要问题及改进措施" | "政府信息公开工作存在的主要问题及改进情况" optional
section p_other "其他需要报告的事项" optional

table stats "政府信息公开情况统计表"
  caption "政府信息公开情况统计表"
  header "统计指标"
  header "单位"
  header "统计数"
  column unit "单位" unit
  column value "统计数" decimal
  group "一、主动公开情况"
  group "（二）通过不同渠道和方式公开政府信息的情况"
  group "二、回应解读情况"
  group "（二）通过不同渠道和方式回应解读的情况"
  group "三、依申请公开情况"
  group "八、机构建设和保障经费情况"
  group "九、政府信息公开会议和培训情况"
  row a1 "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）" | "（一）主动公开政府信息数"
  row a1_norm_pub "其中：主动公开规范性文件数"
  row a1_norm_made "制发规范性文件总数"
  row a1_npc "人大代表建议和政协提案办理结果公开数"
  row a2_1 "1.政府公报公开政府信息数"
  row a2_2 "2.政府网站公开政府信息数"
  row a2_3 "3.政务微博公开政府信息数"
  row a2_4 "4.政务微信公开政府信息数"
  row a2_5 "5.其他方式公开政府信息数"
  row b1 "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）" | "（一）回应公众关注热点或重大舆情数"
  row b2_1 "1.参加或举办新闻发布会总次数"
  row b2_1_lead "其中：主要负责同志参加新闻发布会次数"
  row b2_2 "2.政府网站在线访谈次数"
  row b2_2_lead "其中：主要负责同志参加政府网站在线访谈次数"
  row b2_3 "3.政策解读稿件发布数"
  row b2_4 "4.微博微信回应事件数"
  row b2_5 "5.其他方式回应事件数"
  row c1 "（一）收到申请数"
  row c1_1 "1.当面申请数"
  row c1_2 "2.传真申请数"
  row c1_3 "3.网络申请数"
  row c1_4 "4.信函申请数"
  row c2 "（二）申请办结数"
  row c2_1 "1.按时办结数"
  row c2_2 "2.延期办结数"
  row c3 "（三）申请答复数"
  row c3_1 "1.属于已主动公开范围数"
  row c3_2 "2.同意公开答复数"
  row c3_3 "3.同意部分公开答复数"
  row c3_4 "4.不同意公开答复数"
  row c3_4a "其中：涉及国家秘密"
  row c3_4b "涉及商业秘密"
  row c3_4c "涉及个人隐私"
  row c3_4d "危及国家安全、公共安全、经济安全和社会稳定"
  row c3_4e "不是《条例》所指政府信息"
  row c3_4f "法律法规规定的其他情形"
  row c3_5 "5.不属于本行政机关公开数"
  row c3_6 "6.申请信息不存在数"
  row c3_7 "7.告知作出更改补充数"
  row c3_8 "8.告知通过其他途径办理数"
  row d "四、行政复议数量"
  row d1 "（一）维持具体行政行为数"
  row d2 "（二）被依法纠错数"
  row d3 "（三）其他情形数"
  row e "五、行政诉讼数量"
  row e1 "（一）维持具体行政行为或者驳回原告诉讼请求数"
  row e2 "（二）被依法纠错数"
  row e3 "（三）其他情形数"
  row f "六、举报投诉数量"
  row g "七、依申请公开信息收取的费用"
  row h1 "（一）政府信息公开工作专门机构数"
  row h2 "（二）设置政府信息公开查阅点数"
  row h3 "（三）从事政府信息公开工作人员数"
  row h3_1 "1.专职人员数（不包括政府公报及政府网站工作人员数）" | "1.专职人员数"
  row h3_2 "2.兼职人员数"
  row h4 "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）" | "（四）政府信息公开专项经费"
  row i1 "（一）召开政府信息公开工作会议或专题会议数"
  row i2 "（二）举办各类培训班数"
  row i3 "（三）接受培训人员数"

check c1_channels error "收到申请数等于各渠道申请数之和"
  expect stats.c1.value == stats.c1_1.value + stats.c1_2.value + stats.c1_3.value + stats.c1_4.value
check c2_split error "申请办结数等于按时办结数加延期办结数"
  expect stats.c2.value == stats.c2_1.value + stats.c2_2.value
check c3_split error "申请答复数等于各类答复数之和"
  expect stats.c3.value == stats.c3_1.value + stats.c3_2.value + stats.c3_3.value + stats.c3_4.value + stats.c3_5.value + stats.c3_6.value + stats.c3_7.value + stats.c3_8.value
check c3_4_reasons warning "不同意公开答复数等于各项理由之和"
  expect stats.c3_4.value == stats.c3_4a.value + stats.c3_4b.value + stats.c3_4c.value + stats.c3_4d.value + stats.c3_4e.value + stats.c3_4f.value
check d_split error "行政复议数量等于各项结果之和"
  expect stats.d.value == stats.d1.value + stats.d2.value + stats.d3.value
check e_split error "行政诉讼数量等于各项结果之和"
  expect stats.e.value == stats.e1.value + stats.e2.value + stats.e3.value
check h3_split error "从事政府信息公开工作人员数等于专职加兼职人员数"
  expect stats.h3.value == stats.h3_1.value + stats.h3_2.value
check a1_subset error "主动公开规范性文件数不应超过主动公开政府信息数"
  expect stats.a1_norm_pub.value <= stats.a1.value
check channel_le_unique warning "单一渠道公开数不应超过主动公开政府信息数（不同渠道公开相同信息计1条）"
  for $k in a2_1 a2_2 a2_3 a2_4 a2_5
  expect stats.$k.value <= stats.a1.value
check channels_cover_unique warning "各渠道公开数之和不应少于主动公开政府信息数"
  expect stats.a2_1.value + stats.a2_2.value + stats.a2_3.value + stats.a2_4.value + stats.a2_5.value >= stats.a1.value
check lead_press_subset error "主要负责同志参加新闻发布会次数不应超过总次数"
  expect stats.b2_1_lead.value <= stats.b2_1.value
check lead_interview_subset error "主要负责同志参加在线访谈次数不应超过总次数"
  expect stats.b2_2_lead.value <= stats.b2_2.value
check done_le_received warning "申请办结数不应超过收到申请数"
  expect stats.c2.value <= stats.c1.value
check answer_vs_done info "申请答复数通常等于申请办结数"
  expect stats.c3.value == stats.c2.value
