/// Where a batch stands in the journal.
public enum BatchStatus: String, Sendable, Codable, CaseIterable {
    /// Claimed from the inbox, not yet decided.
    case received
    /// Applied to the books.
    case applied
    /// Refused: nothing of it was applied.
    case rejected
    /// The same bytes were already applied for the shop: reported, never applied again.
    case duplicate
    /// Applied once, then reversed by a forced rerun.
    case reverted
    /// Not decided and never will be: its file changed while Kontor read it and went back
    /// to the inbox, or a rerun stopped before it decided. Nothing of it was applied.
    case withdrawn
}
