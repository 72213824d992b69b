template a extends b
