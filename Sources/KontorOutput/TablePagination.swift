/// How rows of a table split over pages.
enum TablePagination {
    /// The row ranges of each page for `count` rows: `first` on the first page, `further`
    /// on each further one, with `reserveOnLast` rows left free on the last page (for a
    /// total). There is always at least one page, and the last page holds at least one row
    /// when there are rows.
    static func chunks(count: Int, first: Int, further: Int, reserveOnLast: Int) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var start = 0
        var capacity = first
        while true {
            let remaining = count - start
            if remaining <= capacity - reserveOnLast {
                chunks.append(start..<count)
                return chunks
            }
            let take = max(1, min(capacity, remaining - 1))
            chunks.append(start..<(start + take))
            start += take
            capacity = further
        }
    }
}
