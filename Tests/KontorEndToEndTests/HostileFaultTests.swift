import Testing

/// Bad input and faults, each case a promise of docs/reliability.md.
@Suite("Hostile input and faults") struct HostileFaultTests {}
