// KontorLogistics
