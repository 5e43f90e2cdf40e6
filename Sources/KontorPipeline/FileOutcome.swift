import KontorStore

/// What became of one file (or command) in a run, as `kontor run` reports it. The raw value
/// is what people and scripts read in the table and in `--json`.
public enum FileOutcome: String, Sendable, Codable, Equatable {
    /// Booked.
    case applied
    /// Refused whole; nothing booked.
    case rejected
    /// The same bytes were booked before; not booked again.
    case duplicate
    /// A dry run would book it.
    case wouldApply = "would apply"
    /// A dry run would refuse it.
    case wouldReject = "would reject"
    /// It changed while Kontor read it and went back to the inbox, to be taken once settled.
    case putBack = "put back"
    /// Kontor cannot take it (it may not read it, or it is no regular file); it stays in the inbox.
    case leftInPlace = "left in place"
    /// Its batch will never be decided (see `BatchStatus.withdrawn`).
    case withdrawn
    /// Booked, then taken back.
    case reverted
    /// Taken, not yet decided.
    case received

    /// The outcome of a batch in the journal.
    public init(_ status: BatchStatus) {
        switch status {
        case .applied: self = .applied
        case .rejected: self = .rejected
        case .duplicate: self = .duplicate
        case .withdrawn: self = .withdrawn
        case .reverted: self = .reverted
        case .received: self = .received
        }
    }

    /// Whether the file counts as refused for the exit code (1): rejected, or left where it is.
    public var isRefusal: Bool { [.rejected, .wouldReject, .leftInPlace].contains(self) }

    /// Whether the file was (or would be) booked.
    public var isAcceptance: Bool { self == .applied || self == .wouldApply }
}
