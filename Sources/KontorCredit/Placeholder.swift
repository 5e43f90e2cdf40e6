// KontorCredit
