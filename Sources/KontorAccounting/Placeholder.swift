// KontorAccounting
