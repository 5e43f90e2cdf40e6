#!/usr/bin/env python3
"""Computes the stock and ledger totals that booking the benchmark files must give, from
the generated input files alone, and compares them with what Kontor printed.

    expected_totals.py --master DIR ORDERS.csv [ORDERS.csv ...]
                       [--stock STOCK.json --ledger LEDGER.json] [--default-credit-limit 0.00]

DIR holds the products, customers and stock-count files of generate.py; the order files
are booked in the order given, each order in file order. With --stock and --ledger (the
output of `kontor stock --json` and `kontor ledger --json`) it compares on hand and
reserved of every article and debit and credit of every account, prints the totals and
every difference, and exits 1 if there is any. Without them it prints the expected figures.

The rules, as docs/formats.md describes them (amounts in cents, prices gross):

- An order reserves each line's quantity of the article.
- Its total is the sum of quantity x unit price of its lines plus its shipping.
- On account (`invoice`): held when the customer's open receivables (invoices not paid)
  plus this total exceed the credit limit (the customer's, else the shop default). A held
  order keeps its reservation and is neither invoiced nor shipped.
- An order that must be paid first and is not (prepaid, not paid) waits for payment: it
  keeps its reservation and is not invoiced.
- A paid or on-account order whose goods are not there for it (earlier reservations first)
  waits for stock, not invoiced; on account it counts towards the customer's exposure, paid
  its money waits on 1360 (1360 debit, 1400 credit under the order number).
- Otherwise it is released: invoiced and shipped. Shipping is split over the VAT rates in
  proportion to the goods' gross value per rate (largest remainder, ties to the higher
  rate), each goods line and each shipping share gives VAT = gross x rate / (100 + rate)
  rounded half away from zero; per rate 8400/8300 is credited with the net and 1776/1771
  with the VAT, 1400 is debited with the gross. A paid order's payment goes to the clearing
  account 1360 (every method), 1400 credit. The goods leave the stock, the reservation ends.
"""

import argparse
import csv
import json
import os
import sys
from collections import OrderedDict, defaultdict

REVENUE = {19: 8400, 7: 8300, 0: 8200}
VAT = {19: 1776, 7: 1771}
RECEIVABLES, BANK, TRANSIT = 1400, 1200, 1360


def cents(text):
    text = text.strip()
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    whole, _, fraction = text.partition(".")
    value = int(whole or "0") * 100 + int((fraction + "00")[:2])
    return -value if negative else value


def divide(numerator, denominator):
    """numerator / denominator, rounded half away from zero."""
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return -q if numerator < 0 else q


def allocate(total, weights):
    """Splits total over weights in proportion, parts adding up to total (largest remainder)."""
    whole = sum(weights)
    if whole == 0:
        return [total] + [0] * (len(weights) - 1)
    parts = [total * w // whole for w in weights]
    rest = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-((total * weights[i]) % whole), i))
    i = 0
    while rest != 0:
        step = 1 if rest > 0 else -1
        parts[order[i % len(order)]] += step
        rest -= step
        i += 1
    return parts


def invoice_totals(goods, shipping):
    """goods: [(gross, rate)]. Returns {rate: (gross, net, vat)}."""
    lines = list(goods)
    if shipping:
        by_rate = defaultdict(int)
        for amount, rate in goods:
            by_rate[rate] += amount
        rates = sorted(by_rate, reverse=True)
        shares = allocate(shipping, [by_rate[r] for r in rates])
        lines += [(share, rate) for rate, share in zip(rates, shares) if share != 0]
    totals = {}
    for amount, rate in lines:
        vat = divide(amount * rate, 100 + rate)
        g, n, v = totals.get(rate, (0, 0, 0))
        totals[rate] = (g + amount, n + amount - vat, v + vat)
    return totals


class Books:
    def __init__(self, master, default_limit):
        self.rate = {}
        self.limit = {}
        self.on_hand = {}
        self.reserved = {}
        self.queue = {}  # sku -> OrderedDict(order -> open quantity), in reservation order
        self.debit = defaultdict(int)
        self.credit = defaultdict(int)
        self.posted = set()
        self.exposure = defaultdict(int)
        self.default_limit = default_limit
        self.counts = defaultdict(int)
        with open(os.path.join(master, "01-products.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                self.rate[row["sku"]] = int(row["vat_rate"])
                self.on_hand[row["sku"]] = 0
                self.reserved[row["sku"]] = 0
        with open(os.path.join(master, "02-customers.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                self.limit[row["customer_id"]] = cents(row["credit_limit"]) if row["credit_limit"].strip() else None
        with open(os.path.join(master, "03-stock-count.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                self.on_hand[row["sku"]] = int(row["counted"])

    def post(self, account, debit=0, credit=0):
        if debit or credit:
            self.debit[account] += debit
            self.credit[account] += credit
            self.posted.add(account)

    def book_file(self, path):
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = [h.strip().lower() for h in next(reader)]
            col = {name: i for i, name in enumerate(header)}
            o_num, o_date, o_cust, o_meth, o_paid, o_ship = (col[c] for c in (
                "order_number", "order_date", "customer_id", "payment_method", "paid", "shipping"))
            o_sku, o_qty, o_price = col["sku"], col["quantity"], col["unit_price"]
            order = None
            for row in reader:
                if order is None or row[o_num] != order["number"]:
                    if order is not None:
                        self.book_order(order)
                    order = {"number": row[o_num], "customer": row[o_cust], "method": row[o_meth] or "prepaid",
                             "paid": row[o_paid] == "true", "shipping": cents(row[o_ship]) if row[o_ship] else 0,
                             "lines": []}
                elif row[o_ship] and not order["shipping"]:
                    order["shipping"] = cents(row[o_ship])
                order["lines"].append((row[o_sku], int(row[o_qty]), cents(row[o_price])))
            if order is not None:
                self.book_order(order)

    def reserve(self, number, sku, quantity):
        self.reserved[sku] += quantity
        queue = self.queue.setdefault(sku, OrderedDict())
        queue[number] = queue.get(number, 0) + quantity

    def can_ship(self, number, mine):
        for sku, quantity in mine.items():
            if self.on_hand[sku] >= self.reserved[sku]:
                continue
            ahead = 0
            for other, q in self.queue[sku].items():
                if other == number:
                    break
                ahead += q
            if self.on_hand[sku] - ahead < quantity:
                return False
        return True

    def book_order(self, order):
        number, customer = order["number"], order["customer"]
        goods = [(q * p, self.rate[sku]) for sku, q, p in order["lines"]]
        total = sum(g for g, _ in goods) + order["shipping"]
        mine = defaultdict(int)
        for sku, q, _ in order["lines"]:
            self.reserve(number, sku, q)
            mine[sku] += q
        self.counts["orders"] += 1
        self.counts["lines"] += len(order["lines"])
        if order["method"] == "invoice":
            limit = self.limit.get(customer)
            if limit is None:
                limit = self.default_limit
            if self.exposure[customer] + total > limit:
                self.counts["held"] += 1
                return
        if not (order["paid"] or order["method"] in ("invoice", "cod")):
            self.counts["awaiting payment"] += 1
            return
        if not self.can_ship(number, mine):
            # Waits for goods, not invoiced; an order on account counts towards the limit,
            # a paid one's money waits on 1360 under the order's number.
            self.counts["awaiting stock"] += 1
            if order["method"] == "invoice":
                self.exposure[customer] += total
            if order["paid"]:
                self.post(TRANSIT, debit=total)
                self.post(RECEIVABLES, credit=total)
            return
        totals = invoice_totals(goods, order["shipping"])
        gross = sum(t[0] for t in totals.values())
        self.post(RECEIVABLES, debit=gross)
        for rate in sorted(totals, reverse=True):
            _, net, vat = totals[rate]
            self.post(REVENUE[rate], credit=net)
            if rate in VAT:
                self.post(VAT[rate], credit=vat)
        self.exposure[customer] += gross
        self.counts["invoiced"] += 1
        if order["paid"]:
            self.post(TRANSIT, debit=gross)
            self.post(RECEIVABLES, credit=gross)
            self.exposure[customer] -= gross
        for sku, q in mine.items():
            self.reserved[sku] -= q
            self.on_hand[sku] -= q
            queue = self.queue[sku]
            queue[number] -= q
            if queue[number] <= 0:
                del queue[number]
        self.counts["shipped"] += 1


def money(c):
    sign = "-" if c < 0 else ""
    return "%s%d.%02d" % (sign, abs(c) // 100, abs(c) % 100)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--master", required=True)
    parser.add_argument("orders", nargs="+")
    parser.add_argument("--stock")
    parser.add_argument("--ledger")
    parser.add_argument("--default-credit-limit", default="0.00")
    parser.add_argument("--label", default="")
    args = parser.parse_args()

    books = Books(args.master, cents(args.default_credit_limit))
    for path in args.orders:
        books.book_file(path)
    label = (args.label + ": ") if args.label else ""
    c = books.counts
    print("%sexpected: %d orders, %d lines; %d invoiced, %d held, %d shipped, %d awaiting payment, %d awaiting stock" % (
        label, c["orders"], c["lines"], c["invoiced"], c["held"], c["shipped"], c["awaiting payment"], c["awaiting stock"]))

    if not (args.stock and args.ledger):
        for account in sorted(books.posted):
            print("  %d  debit %s  credit %s" % (account, money(books.debit[account]), money(books.credit[account])))
        print("  stock: on hand %d, reserved %d" % (sum(books.on_hand.values()), sum(books.reserved.values())))
        return 0

    problems = []
    with open(args.stock, encoding="utf-8") as f:
        stock = json.load(f)
    seen = set()
    for row in stock:
        sku = row["sku"]
        seen.add(sku)
        if sku not in books.on_hand:
            problems.append("stock: article %s is not in the products file" % sku)
            continue
        if row["on_hand"] != books.on_hand[sku] or row["reserved"] != books.reserved[sku]:
            problems.append("stock %s: Kontor on hand %d reserved %d, expected on hand %d reserved %d" % (
                sku, row["on_hand"], row["reserved"], books.on_hand[sku], books.reserved[sku]))
    for sku in sorted(set(books.on_hand) - seen):
        problems.append("stock: article %s missing from kontor stock" % sku)
    kontor_on_hand = sum(r["on_hand"] for r in stock)
    kontor_reserved = sum(r["reserved"] for r in stock)
    print("%sstock on hand %d (expected %d), reserved %d (expected %d), %d articles" % (
        label, kontor_on_hand, sum(books.on_hand.values()), kontor_reserved, sum(books.reserved.values()), len(stock)))

    with open(args.ledger, encoding="utf-8") as f:
        ledger = json.load(f)
    got = {}
    for row in ledger:
        account = int(row["account"])
        got[account] = (cents(row["debit"]), cents(row["credit"]))
    for account in sorted(set(got) | books.posted):
        d, k = got.get(account, (None, None))
        ed, ek = (books.debit[account], books.credit[account]) if account in books.posted else (None, None)
        shown = lambda v: "-" if v is None else money(v)
        status = "ok" if (d, k) == (ed, ek) else "DIFFERS"
        print("%s  %d  debit %s (expected %s)  credit %s (expected %s)  %s" % (
            label, account, shown(d), shown(ed), shown(k), shown(ek), status))
        if status != "ok":
            problems.append("ledger %d: Kontor debit %s credit %s, expected debit %s credit %s" % (
                account, shown(d), shown(k), shown(ed), shown(ek)))

    if problems:
        for p in problems[:20]:
            print("%sMISMATCH %s" % (label, p))
        if len(problems) > 20:
            print("%s... and %d more" % (label, len(problems) - 20))
        return 1
    print("%stotals match" % label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
