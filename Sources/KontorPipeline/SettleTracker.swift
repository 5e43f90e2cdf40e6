import Foundation

/// Decides when an upload is complete: its size and modification time have not changed
/// across polls for the settle time, measured against the clock now (a copied file keeps
/// its old modification time, so that alone proves nothing), or a `.done` marker says so.
struct SettleTracker {
    let settleSeconds: Double
    private var seen: [String: (size: Int64, mtime: Int64, since: Double)] = [:]

    init(settleSeconds: Double) { self.settleSeconds = settleSeconds }

    private static func key(_ c: Candidate) -> String { c.shop + "/" + c.name }

    /// Records what a poll at `now` (seconds) saw and returns the candidates that are ready.
    mutating func observe(_ candidates: [Candidate], now: Double) -> [Candidate] {
        var ready: [Candidate] = []
        var next: [String: (size: Int64, mtime: Int64, since: Double)] = [:]
        for c in candidates {
            let key = Self.key(c)
            if let prior = seen[key], prior.size == c.size, prior.mtime == c.mtimeNanos {
                next[key] = prior
                if c.marked || now - prior.since >= settleSeconds { ready.append(c) }
            } else {
                next[key] = (c.size, c.mtimeNanos, now)
                if c.marked || settleSeconds <= 0 { ready.append(c) }
            }
        }
        seen = next
        return ready
    }

    /// Forgets a candidate that was taken.
    mutating func forget(_ c: Candidate) { seen[Self.key(c)] = nil }

    /// Files seen but not yet ready.
    var pendingCount: Int { seen.count }

    /// Seconds until the earliest pending file could be ready.
    func secondsUntilNextReady(now: Double) -> Double? {
        seen.values.map { max(0, $0.since + settleSeconds - now) }.min()
    }
}
