import Foundation
import KontorTestSupport
import Testing

/// `kontor close`: a closed month takes no entry dated inside it; what comes later for it is
/// posted on the first open day and cites its own date; `kontor revert` opens it again.
@Suite struct PeriodCloseTests {
    func run(_ root: TemporaryRoot) throws {
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func whatComesForAClosedMonthIsPostedInTheOpenOne() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            P-1,2025-03-03,invoice,false,4.90,TEA,2,8.90
            P-2,2025-03-04,invoice,false,4.90,POT,1,24.90

            """, done: true)
        try root.write("kontor.toml", "default_credit_limit = \"1000.00\"\n")
        try run(root)
        #expect(try sql(root, "SELECT group_concat(number || ':' || date, ' ') FROM invoices") == "RE2025-00001:2025-03-03 RE2025-00002:2025-03-04")

        let close = try KontorBinary.run(["close", "2025-03", "--note", "UStVA 03/2025 abgegeben"], root: root.path)
        #expect(close.status == 0, "\(close.stdout)\(close.stderr)")
        #expect(try sql(root, "SELECT through FROM period_closes WHERE reverted_by IS NULL") == "2025-03-31")

        // A return and a bank payment dated in March, arriving after the close.
        try root.write("inbox/shop/04-returns.csv", "order_number,sku,quantity,date\nP-1,TEA,1,2025-03-20\n", done: true)
        try root.write("inbox/shop/05-payments.csv", "reference,amount,date\nRE2025-00002,29.80,2025-03-15\n", done: true)
        try run(root)
        #expect(try sql(root, "SELECT number || ':' || date FROM invoices WHERE kind = 'credit_note'") == "GS2025-00001:2025-04-01")
        #expect(try sql(root, "SELECT count(*) FROM journal_entries WHERE date <= '2025-03-31' AND batch_id > (SELECT max(batch_id) FROM period_closes)") == "0")
        let payment = try sql(root, "SELECT date || '|' || text FROM journal_entries WHERE document = 'RE2025-00002' AND text LIKE 'Zahlung%'")
        #expect(payment.hasPrefix("2025-04-01|"), "\(payment)")
        #expect(payment.hasSuffix("(Beleg vom 2025-03-15)"), "\(payment)")
        let verify = try KontorBinary.run(["verify"], root: root.path)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        // The same month again is refused; a month not yet over cannot be closed.
        let again = try KontorBinary.run(["close", "2025-02", "--note", "x"], root: root.path)
        #expect(again.status != 0)
        #expect((again.stdout + again.stderr).contains("closed through 2025-03-31 already"))
        let ahead = try KontorBinary.run(["close", "2099-01", "--note", "x"], root: root.path)
        #expect(ahead.status != 0)
        #expect((ahead.stdout + ahead.stderr).contains("2099-01 has not ended yet"))

        // Reverted, the month is open again: a later return dated in March is posted in March.
        let batch = try sql(root, "SELECT batch_id FROM period_closes WHERE reverted_by IS NULL")
        let revert = try KontorBinary.run(["revert", batch, "--note", "Korrektur"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        try root.write("inbox/shop/06-returns.csv", "order_number,sku,quantity,date\nP-1,TEA,1,2025-03-21\n", done: true)
        try run(root)
        #expect(try sql(root, "SELECT date FROM invoices WHERE number = 'GS2025-00002'") == "2025-03-21")
    }
}
