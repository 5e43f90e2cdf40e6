// KontorStore
