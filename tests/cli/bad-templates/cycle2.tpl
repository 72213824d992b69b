template b extends a
