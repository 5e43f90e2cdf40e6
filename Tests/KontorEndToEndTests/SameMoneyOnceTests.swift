import Foundation
import KontorTestSupport
import Testing

/// One order of 2 × tea (7 %, 17.80) and 1 × teapot (19 %, 24.90) with 4.90 shipping:
/// 47.60 gross, paid as the file says.
func oneOrderCSV(_ number: String = "A-1", method: String = "prepaid", paid: Bool = true) -> String {
    """
    order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
    \(number),2025-03-03,K-1,\(method),\(paid),4.90,TEA,2,8.90
    \(number),2025-03-03,K-1,\(method),\(paid),,POT,1,24.90

    """
}

/// Runs the inbox and expects it to succeed.
func runInbox(_ root: TemporaryRoot) throws -> CommandResult {
    let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
    #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    return result
}

/// The balance (debit − credit) of an account, in cents.
func balance(_ root: TemporaryRoot, _ account: Int) throws -> String {
    try sql(root, "SELECT coalesce(SUM(debit) - SUM(credit), 0) FROM journal_lines WHERE account = \(account)")
}

/// Point 7 of issue 7: a payment the shop reports waits on a clearing account, and the bank
/// line that brings the money clears it instead of being booked a second time.
@Suite struct SameMoneyOnceTests {
    @Test func aShopReportedPaymentAndItsBankLineLeaveTheClearingAccountAtZeroAndTheBankWithTheMoneyOnce() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", oneOrderCSV(), done: true)
        _ = try runInbox(root)
        #expect(try balance(root, 1360) == "4760")
        #expect(try balance(root, 1200) == "0")
        try root.write("inbox/shop/04-payments.csv", "reference,amount,date,method\nA-1,47.60,2025-03-05,transfer\n", done: true)
        let run = try runInbox(root)
        #expect(try balance(root, 1360) == "0")
        #expect(try balance(root, 1200) == "4760")
        #expect(try sql(root, "SELECT SUM(debit) FROM journal_lines WHERE account = 1200") == "4760")
        #expect(try balance(root, 1400) == "0")
        #expect(try sql(root, "SELECT open FROM customer_balances WHERE customer_key = 'K-1'") == "0")
        #expect(!run.stdout.contains("overpaid"))
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("04-payments") }.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("RE2025-00001: 47.60 from 1360 to the bank"))
        #expect(!receipt.contains("Refunds owed"))
    }

    @Test func aClearingAccountOfItsOwnForAMethodComesFromTheSettings() throws {
        let root = try stockedRoot()
        try root.write("kontor.toml", "[shops.shop.clearing_accounts]\npaypal = 1361\n")
        try root.write("inbox/shop/03-orders.csv", oneOrderCSV(method: "paypal"), done: true)
        _ = try runInbox(root)
        #expect(try balance(root, 1361) == "4760")
        #expect(try balance(root, 1360) == "0")
        #expect(try sql(root, "SELECT name FROM accounts WHERE account = 1361") == "Geldtransit paypal")
        try root.write("inbox/shop/04-payments.csv", "reference,amount,date\nRE2025-00001,47.60,2025-03-05\n", done: true)
        _ = try runInbox(root)
        #expect(try balance(root, 1361) == "0")
        #expect(try balance(root, 1200) == "4760")
    }

    @Test func theProvidersTransactionForAnOrderThatCamePaidIsNotBookedAgain() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", oneOrderCSV(method: "paypal"), done: true)
        try root.write("inbox/shop/04-paypal.csv", "reference,amount,date,method\nA-1,47.60,2025-03-03,paypal\n", done: true)
        _ = try runInbox(root)
        #expect(try balance(root, 1360) == "4760")
        #expect(try balance(root, 1400) == "0")
        #expect(try sql(root, "SELECT count(*) FROM batch_diagnostics WHERE code = 'payment.reported-before'") == "1")
        #expect(root.read("outbox/shop/orders/refunds.csv") == "customer,owed,paid\r\n")
    }

    @Test func aSecondRealPaymentBecomesACreditBalanceAndARefundOwedAndItsRefundIsTracked() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", oneOrderCSV(), done: true)
        try root.write("inbox/shop/04-payments.csv", "reference,amount,date\nA-1,47.60,2025-03-05\nA-1,47.60,2025-03-06\n", done: true)
        _ = try runInbox(root)
        // The first transfer clears 1360, the second settles an invoice already settled.
        #expect(try balance(root, 1360) == "0")
        #expect(try balance(root, 1200) == "9520")
        #expect(try balance(root, 1400) == "-4760")
        #expect(try sql(root, "SELECT open FROM customer_balances WHERE customer_key = 'K-1'") == "-4760")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("04-payments") }.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("Refunds owed / Offene Erstattungen:\n  K-1: 47.60 (after RE2025-00001)"))
        #expect(root.read("outbox/shop/orders/refunds.csv") == "customer,owed,paid\r\nK-1,47.60,0.00\r\n")

        // The shop pays the money back by bank: owed 0, paid 47.60.
        try root.write("inbox/shop/05-payments.csv", "reference,amount,date\nA-1,-47.60,2025-03-08\n", done: true)
        _ = try runInbox(root)
        #expect(try balance(root, 1200) == "4760")
        #expect(try balance(root, 1400) == "0")
        #expect(try sql(root, "SELECT customer_key || ':' || document || ':' || amount || ':' || channel FROM refunds")
                == "K-1:RE2025-00001:4760:bank")
        #expect(root.read("outbox/shop/orders/refunds.csv") == "customer,owed,paid\r\nK-1,0.00,47.60\r\n")
    }
}

/// Point 8 of issue 7: a withdrawal refunds goods and shipping by VAT rate.
@Suite struct WithdrawalTests {
    private let returnsCSV = """
        order_number,sku,quantity,condition,date
        A-1,TEA,2,resellable,2025-03-10
        A-1,POT,1,resellable,2025-03-10

        """

    @Test func aWithdrawalWithShippingRefundedLeavesRevenueAndVATOfTheOrderAtZero() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", oneOrderCSV(), done: true)
        try root.write("inbox/shop/04-returns.csv", returnsCSV, done: true)
        _ = try runInbox(root)
        // Invoiced: 7 %: tea 17.80 (net 16.64, VAT 1.16) and 2.04 shipping (1.91, 0.13);
        // 19 %: teapot 24.90 (20.92, 3.98) and 2.86 shipping (2.40, 0.46). The return that
        // leaves nothing with the customer credits the teapot and the whole shipping charge.
        #expect(try sql(root, "SELECT number || ':' || gross || ':' || coalesce(refers_to, '-') FROM invoices ORDER BY number")
                == "GS2025-00001:-1780:RE2025-00001\nGS2025-00002:-2980:RE2025-00001\nRE2025-00001:4760:-")
        for account in [8300, 8400, 1771, 1776] {
            #expect(try balance(root, account) == "0", "account \(account)")
        }
        #expect(try sql(root, "SELECT SUM(debit) FROM journal_lines WHERE account = 8400") == "2332")
        #expect(try sql(root, "SELECT SUM(debit) FROM journal_lines WHERE account = 1776") == "444")
        #expect(try sql(root, "SELECT SUM(debit) FROM journal_lines WHERE account = 8300") == "1855")
        #expect(try sql(root, "SELECT SUM(debit) FROM journal_lines WHERE account = 1771") == "129")
        // It was paid (1360), so the shop now owes the customer the whole 47.60.
        #expect(try balance(root, 1400) == "-4760")
        #expect(try sql(root, "SELECT text FROM journal_entries WHERE document = 'GS2025-00002'")
                == "Rechnungskorrektur GS2025-00002 zu Rechnung RE2025-00001")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("04-returns") }.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("Invoice corrections / Rechnungskorrekturen:\n  GS2025-00001  corrects / zu Rechnung RE2025-00001  order A-1  17.80 EUR"))
        #expect(receipt.contains("Refunds owed / Offene Erstattungen:"))
        #expect(receipt.contains("K-1: 47.60 (after GS2025-00002)"))
        // Everything came back: the order is returned, after the return that left nothing.
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'A-1'") == "returned")
        #expect(try sql(root, """
            SELECT group_concat(t.to_status || ':' || coalesce(t.cause, ''), ' | ') FROM order_transitions t
            JOIN orders o ON o.id = t.order_id WHERE o.order_number = 'A-1' AND t.to_status = 'returned'
            """) == "returned:every unit came back (GS2025-00002)")
    }

    @Test func aShopMayKeepTheShippingChargeOfAWithdrawal() throws {
        let root = try stockedRoot()
        try root.write("kontor.toml", "[shops.shop]\nrefund_shipping_on_full_return = false\n")
        try root.write("inbox/shop/03-orders.csv", oneOrderCSV(), done: true)
        try root.write("inbox/shop/04-returns.csv", returnsCSV, done: true)
        _ = try runInbox(root)
        #expect(try sql(root, "SELECT number || ':' || gross FROM invoices WHERE kind = 'credit_note' ORDER BY number")
                == "GS2025-00001:-1780\nGS2025-00002:-2490")
        #expect(try balance(root, 8400) == "-240")
        #expect(try balance(root, 1776) == "-46")
    }
}

/// A payment provider's payout report and the bank line that brings the payout.
@Suite struct PayoutTests {
    private let ordersCSV = oneOrderCSV("P-1", method: "paypal") + oneOrderCSV("P-2", method: "paypal")
        .split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
    private let payoutCSV = """
        payout_id,date,method,gross,fees,net,order_number,amount
        PP-0001,2025-03-10,paypal,95.20,3.12,92.08,P-1,47.60
        PP-0001,2025-03-10,paypal,95.20,3.12,92.08,P-2,47.60

        """

    @Test func aPayoutReportPostsItsFeesTo4970AndItsBankLineClears1360() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", ordersCSV, done: true)
        try root.write("inbox/shop/04-payout.csv", payoutCSV, done: true)
        _ = try runInbox(root)
        #expect(try sql(root, "SELECT kind || ':' || status FROM batches WHERE file = '04-payout.csv'") == "payouts:applied")
        // The orders' 95.20 left 1360; the payout's net 92.08 waits there under its id.
        #expect(try balance(root, 4970) == "312")
        #expect(try balance(root, 1360) == "9208")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1360 AND document = 'PP-0001'") == "9208")
        #expect(try balance(root, 1400) == "0")
        try root.write("inbox/shop/05-bank.csv", "reference,amount,date\nPP-0001,92.08,2025-03-11\n", done: true)
        _ = try runInbox(root)
        #expect(try balance(root, 1360) == "0")
        #expect(try balance(root, 1200) == "9208")
        #expect(try balance(root, 1590) == "0")
        #expect(try balance(root, 4970) == "312")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("04-payout") }.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("Payouts / Auszahlungen:\n  PP-0001: 2 orders, gross 95.20, fees 3.12, net 92.08 on 1360"))

        // The same report again books nothing.
        try root.write("inbox/shop/06-payout-again.csv", payoutCSV.replacingOccurrences(of: "P-2,47.60\n", with: "P-2,47.60\n\n"), done: true)
        _ = try runInbox(root)
        let againReceipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("06-payout-again") }
            .flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(againReceipt.contains("warning: payout PP-0001 was booked before; it was not booked again"))
        #expect(try balance(root, 4970) == "312")
        #expect(try balance(root, 1360) == "0")
    }

    @Test func revertingAPayoutTakesBackItsEntriesAndTheRefundItPaid() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", ordersCSV, done: true)
        // The provider collected 47.60 for P-1 and paid 5.00 of it back, and 37.60 of P-2.
        try root.write("inbox/shop/04-payout.csv", """
            payout_id,date,method,gross,fees,net,order_number,amount
            PP-0001,2025-03-10,paypal,80.20,3.12,77.08,P-1,47.60
            PP-0001,2025-03-10,paypal,80.20,3.12,77.08,P-1,-5.00
            PP-0001,2025-03-10,paypal,80.20,3.12,77.08,P-2,37.60

            """, done: true)
        _ = try runInbox(root)
        // 1360: 95.20 − 47.60 − 37.60 + 77.08 net; P-2's other 10.00 still wait there.
        #expect(try balance(root, 1360) == "8708")
        #expect(try balance(root, 4970) == "312")
        #expect(try balance(root, 1400) == "500")
        #expect(try sql(root, "SELECT customer_key || ':' || document || ':' || amount || ':' || channel FROM refunds")
                == "K-1:RE2025-00001:500:paypal")
        let payout = try sql(root, "SELECT id FROM batches WHERE file = '04-payout.csv'")
        let back = try KontorBinary.run(["revert", payout, "--note", "falscher Bericht"], root: root.path)
        #expect(back.status == 0, "\(back.stdout)\(back.stderr)")
        #expect(try balance(root, 1360) == "9520")
        #expect(try balance(root, 4970) == "0")
        #expect(try balance(root, 1400) == "0")
        #expect(try sql(root, "SELECT SUM(amount) FROM refunds") == "0")
        // The reverted payout no longer counts as booked: the corrected report is booked.
        try root.write("inbox/shop/05-payout.csv", payoutCSV, done: true)
        _ = try runInbox(root)
        #expect(try balance(root, 4970) == "312")
        #expect(try balance(root, 1360) == "9208")
    }

    @Test func aBankLineBeforeItsPayoutReportIsParkedAndThePayoutReportClearsIt() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", ordersCSV, done: true)
        try root.write("inbox/shop/04-bank.csv", "reference,amount,date\nPP-0001,92.08,2025-03-11\n", done: true)
        try root.write("inbox/shop/05-payout.csv", payoutCSV, done: true)
        _ = try runInbox(root)
        #expect(try balance(root, 1360) == "0")
        #expect(try balance(root, 1590) == "0")
        #expect(try balance(root, 1200) == "9208")
        #expect(try balance(root, 4970) == "312")
    }

    @Test func aPayoutThatDoesNotAddUpRejectsItsFile() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", ordersCSV, done: true)
        try root.write("inbox/shop/04-payout.csv", payoutCSV.replacingOccurrences(of: "92.08", with: "92.18"), done: true)
        _ = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(try sql(root, "SELECT status FROM batches WHERE file = '04-payout.csv'") == "rejected")
        let report = try #require(root.read("inbox/shop/rejected/04-payout.csv.errors.txt"))
        #expect(report.contains("payout PP-0001 does not add up: its orders come to 95.20, gross is 95.20; gross 95.20 less fees 3.12 must be net 92.18"))
        #expect(try balance(root, 1360) == "9520")
    }
}

/// A refund without goods.
@Suite struct GoodwillRefundTests {
    @Test func aGoodwillRefundIsAnInvoiceCorrectionSplitOverTheOrdersRates() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", oneOrderCSV(), done: true)
        try root.write("inbox/shop/04-refunds.csv", "order_number,amount,reason,date\nA-1,10.00,Kratzer am Deckel,2025-03-12\n", done: true)
        _ = try runInbox(root)
        #expect(try sql(root, "SELECT kind || ':' || status FROM batches WHERE file = '04-refunds.csv'") == "returns:applied")
        // 10.00 split by the goods' value (19 % 24.90, 7 % 17.80): 5.83 (net 4.90, VAT 0.93)
        // and 4.17 (net 3.90, VAT 0.27).
        #expect(try sql(root, "SELECT number || ':' || gross || ':' || net || ':' || vat || ':' || refers_to FROM invoices WHERE kind = 'credit_note'")
                == "GS2025-00001:-1000:-880:-120:RE2025-00001")
        #expect(try sql(root, "SELECT account || ':' || debit || ':' || credit FROM journal_lines WHERE document = 'GS2025-00001' ORDER BY id")
                == "1400:0:1000\n8400:490:0\n1776:93:0\n8300:390:0\n1771:27:0")
        // The order was paid: the shop owes the customer 10.00.
        #expect(root.read("outbox/shop/orders/refunds.csv") == "customer,owed,paid\r\nK-1,10.00,0.00\r\n")
    }

    @Test func aGoodwillRefundAtOneRateAndNeverMoreThanIsLeftOfTheInvoice() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", oneOrderCSV(), done: true)
        try root.write("inbox/shop/04-refunds.csv", "order_number,amount,vat_rate,date\nA-1,4.90,19,2025-03-12\n", done: true)
        _ = try runInbox(root)
        #expect(try sql(root, "SELECT account || ':' || debit || ':' || credit FROM journal_lines WHERE document = 'GS2025-00001' ORDER BY id")
                == "1400:0:490\n8400:412:0\n1776:78:0")
        try root.write("inbox/shop/05-refunds.csv", "order_number,amount,date\nA-1,42.71,2025-03-13\n", done: true)
        _ = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(try sql(root, "SELECT status FROM batches WHERE file = '05-refunds.csv'") == "rejected")
        let report = try #require(root.read("inbox/shop/rejected/05-refunds.csv.errors.txt"))
        #expect(report.contains("refund of 42.71 on order A-1 exceeds what is left of invoice RE2025-00001 (42.70)"))
    }
}
