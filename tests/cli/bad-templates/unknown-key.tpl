template u
table t "表"
  column a "甲" count
  row r "行"
check c error "说明"
  expect t.r.a == t.r.zz
