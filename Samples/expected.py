#!/usr/bin/env python3
"""Expected figures for the Teekontor sample files.

Reads Samples/teekontor/* in name order, applies them under the rules written down in
Samples/EXPECTED.md, and prints the result:

    python3 Samples/expected.py             a short summary for people
    python3 Samples/expected.py --json      one JSON document (what tests compare against)
    python3 Samples/expected.py --markdown  EXPECTED.md

Plain python3, standard library only. Money is kept in integer cents throughout; the one
rounding rule is half away from zero.
"""

import copy
import csv
import datetime
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SHOP_DIR = os.path.join(HERE, "teekontor")
YEAR = 2025

REVENUE = {19: "8400", 7: "8300"}
VAT_ACCOUNT = {19: "1776", 7: "1771"}
RECEIVABLES = "1400"
BANK = "1200"
TRANSIT = "1360"
# Where a payment the shop reports (paid=true) waits for the bank: 1360 for every method.
CLEARING_ACCOUNT = {"prepaid": TRANSIT, "paypal": TRANSIT, "card": TRANSIT, "cod": TRANSIT, "invoice": TRANSIT}
PAYMENT_METHODS = set(CLEARING_ACCOUNT)
PROVIDERS = {"paypal", "card", "stripe", "klarna", "cod", "amazon", "sofort", "mollie"}


class Reject(Exception):
    """The file is rejected whole; it changes nothing."""


# ---------------------------------------------------------------- arithmetic

def div_half_away(numerator, denominator):
    """numerator / denominator rounded half away from zero (denominator > 0)."""
    assert denominator > 0
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return -q if numerator < 0 else q


def vat_of(gross, rate):
    """VAT contained in a gross amount: gross x rate / (100 + rate), half away from zero."""
    return div_half_away(gross * rate, 100 + rate)


def allocate(total, weights):
    """Split total over weights in proportion; largest remainder, parts add up exactly.

    Refuses ties that would decide a cent, so the sample data never depends on a tie rule.
    """
    s = sum(weights)
    if s == 0:
        return [total] + [0] * (len(weights) - 1)
    parts = [total * w // s for w in weights]
    rest = total - sum(parts)
    rems = [(total * w) % s for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-rems[i], i))
    if 0 < rest < len(weights):
        assert rems[order[rest - 1]] != rems[order[rest]], "tie in shipping split; change the sample data"
    for i in order[:rest]:
        parts[i] += 1
    assert sum(parts) == total
    return parts


def cents(text, decimal_comma=False):
    """Parse a money text like '12.90' (or '12,90' in ';' files) into integer cents."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        text = repr(text)
    t = str(text).strip()
    if decimal_comma:
        t = t.replace(".", "").replace(",", ".")
    m = re.fullmatch(r"([+-]?)(\d+)(?:\.(\d*))?", t)
    if not m:
        raise ValueError("not an amount: %r" % text)
    frac = (m.group(3) or "").ljust(2, "0")
    if len(frac) > 2 and set(frac[2:]) != {"0"}:
        raise ValueError("more than two decimals: %r" % text)
    value = int(m.group(2)) * 100 + int(frac[:2])
    return -value if m.group(1) == "-" else value


def fmt(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return "%s%d.%02d" % (sign, c // 100, c % 100)


def parse_int(text):
    t = str(text).strip()
    if not re.fullmatch(r"[+-]?\d+", t):
        raise ValueError("not a whole number: %r" % text)
    return int(t)


def parse_date(text):
    t = str(text).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t) or None
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", t)
        if not m:
            raise ValueError("not a date: %r" % text)
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return datetime.date(y, mo, d)
    except ValueError:
        raise ValueError("no such date: %r" % text) from None


def parse_bool(text):
    t = str(text).strip().lower()
    if t in ("true", "1", "yes", "ja"):
        return True
    if t in ("false", "0", "no", "nein", ""):
        return False
    raise ValueError("not a yes/no value: %r" % text)


# ---------------------------------------------------------------- reading files

def read_records(path):
    """Return (records as dicts with lower-case keys, decimal_comma) for CSV, JSON or XML."""
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    if path.endswith(".json"):
        data = json.loads(text)
        if isinstance(data, dict):
            arrays = [v for v in data.values() if isinstance(v, list)]
            assert len(arrays) == 1
            data = arrays[0]
        return [{k.lower(): ("" if v is None else v) for k, v in r.items()} for r in data], False
    if path.endswith(".xml"):
        root = ET.fromstring(raw)
        assert root.tag.startswith("{urn:kontor:formats:1}"), root.tag
        records = []
        for rec in root:
            records.append({child.tag.split("}")[-1].lower(): (child.text or "").strip() for child in rec})
        return records, False
    header = text.splitlines()[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    names = [h.strip().lower() for h in rows[0]]
    records = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        records.append(dict(zip(names, (cell.strip() for cell in row))))
    return records, delimiter == ";"


def detect_kind(columns):
    c = set(columns)
    if {"sku", "name", "price", "vat_rate"} <= c:
        return "products"
    if {"order_number", "order_date", "sku", "quantity", "unit_price"} <= c:
        return "orders"
    if {"order_number", "sku", "quantity"} <= c:
        return "returns"
    if {"sku", "counted"} <= c:
        return "stock_count"
    if {"sku", "received"} <= c:
        return "goods_receipt"
    if {"customer_id", "name", "email"} <= c:
        return "customers"
    if {"reference", "amount", "date"} <= c:
        return "payments"
    raise Reject("unknown kind: %s" % sorted(c))


# ---------------------------------------------------------------- the books

class Books:
    def __init__(self):
        self.products = {}        # sku -> {"price": cents, "rate": int}
        self.on_hand = {}         # sku -> int
        self.reserved = {}        # sku -> int
        self.customers = {}       # id -> {"limit": cents or None}
        self.orders = {}          # order number -> dict
        self.invoices = []        # dicts
        self.credit_notes = []    # dicts
        self.postings = []        # (account, debit cents, credit cents, text)
        self.shipments = 0
        self.held = []
        self.refused = []

    # -- postings
    def post(self, debit_account, credit_account, amount, text):
        self.postings.append((debit_account, amount, 0, text))
        self.postings.append((credit_account, 0, amount, text))

    def post_lines(self, lines, text):
        for account, debit, credit in lines:
            self.postings.append((account, debit, credit, text))

    # -- stock
    def available(self, sku):
        return self.on_hand.get(sku, 0) - self.reserved.get(sku, 0)

    def ship(self, order):
        for line in order["lines"]:
            # its own reservation covers the line; on-hand must too
            assert self.on_hand.get(line["sku"], 0) >= line["qty"], "not enough stock to ship %s" % order["no"]
        for line in order["lines"]:
            self.on_hand[line["sku"]] -= line["qty"]
            self.reserved[line["sku"]] -= line["qty"]
        order["shipped"] = True
        self.shipments += 1

    def open_receivables(self, customer_id):
        return sum(o["gross"] - o["paid_amount"] for o in self.orders.values()
                   if o["customer_id"] == customer_id and o["invoice"] is not None)


def split_by_rate(items):
    """items: [(gross, rate)] -> {rate: (gross, net, vat)}, VAT per item, summed per rate."""
    out = {}
    for gross, rate in items:
        vat = vat_of(gross, rate)
        g, n, v = out.get(rate, (0, 0, 0))
        out[rate] = (g + gross, n + gross - vat, v + vat)
    return out


def invoice_breakdown(order):
    """Per-rate (gross, net, vat) of an order: goods lines plus shipping split pro rata."""
    items = [(line["qty"] * line["price"], line["rate"]) for line in order["lines"]]
    goods_per_rate = {}
    for gross, rate in items:
        goods_per_rate[rate] = goods_per_rate.get(rate, 0) + gross
    rates = sorted(goods_per_rate, reverse=True)
    parts = allocate(order["shipping"], [goods_per_rate[r] for r in rates])
    for rate, part in zip(rates, parts):
        if part:
            items.append((part, rate))
    return split_by_rate(items)


def split_shipping(order):
    """Per-rate (gross, net, vat) of an order's shipping charge, split as its invoice split it."""
    goods_per_rate = {}
    for line in order["lines"]:
        goods_per_rate[line["rate"]] = goods_per_rate.get(line["rate"], 0) + line["qty"] * line["price"]
    rates = sorted(goods_per_rate, reverse=True)
    parts = allocate(order["shipping"], [goods_per_rate[r] for r in rates])
    return split_by_rate([(part, rate) for rate, part in zip(rates, parts) if part])


# ---------------------------------------------------------------- appliers

def apply_products(books, records, dc):
    for r in records:
        rate = parse_int(str(r["vat_rate"]).rstrip("%"))
        if rate not in (19, 7, 0):
            raise Reject("unknown VAT rate %r" % r["vat_rate"])
        books.products[r["sku"]] = {"price": cents(r["price"], dc), "rate": rate, "name": r["name"]}
        books.on_hand.setdefault(r["sku"], 0)
        books.reserved.setdefault(r["sku"], 0)


def apply_stock_count(books, records, dc):
    for r in records:
        if r["sku"] not in books.products:
            raise Reject("unknown sku %s" % r["sku"])
        books.on_hand[r["sku"]] = parse_int(r["counted"])


def apply_goods_receipt(books, records, dc):
    for r in records:
        if r["sku"] not in books.products:
            raise Reject("unknown sku %s" % r["sku"])
        books.on_hand[r["sku"]] += parse_int(r["received"])


def apply_customers(books, records, dc):
    for r in records:
        limit = r.get("credit_limit", "")
        books.customers[r["customer_id"]] = {"limit": cents(limit, dc) if str(limit).strip() else None,
                                             "name": r["name"]}


def group_orders(books, records, dc):
    """Validate every line; return the orders in file order or raise Reject with all problems."""
    problems = []
    orders, seen_closed = [], set()
    current = None
    for i, r in enumerate(records, start=2):
        no = r["order_number"]
        try:
            qty = parse_int(r["quantity"])
            if qty <= 0:
                raise ValueError("quantity must be positive")
        except ValueError as e:
            problems.append("line %d: %s" % (i, e))
            qty = None
        try:
            price = cents(r["unit_price"], dc)
        except ValueError as e:
            problems.append("line %d: %s" % (i, e))
            price = None
        if current is None or current["no"] != no:
            if no in seen_closed:
                problems.append("line %d: lines of order %s are not consecutive" % (i, no))
            if current is not None:
                seen_closed.add(current["no"])
            try:
                date = parse_date(r["order_date"])
            except ValueError as e:
                problems.append("line %d: %s" % (i, e))
                date = None
            method = r.get("payment_method", "prepaid").strip().lower() or "prepaid"
            if method not in PAYMENT_METHODS:
                problems.append("line %d: unknown payment method %s" % (i, method))
            try:
                paid = parse_bool(r.get("paid", ""))
                shipping = cents(r["shipping"], dc) if r.get("shipping", "").strip() else 0
            except ValueError as e:
                problems.append("line %d: %s" % (i, e))
                paid, shipping = False, 0
            if (r.get("currency") or "EUR").upper() != "EUR":
                problems.append("line %d: currency %s" % (i, r["currency"]))
            current = {"no": no, "date": date, "customer_id": r.get("customer_id", "").strip() or None,
                       "method": method, "paid": paid, "shipping": shipping, "lines": [], "unknown": []}
            orders.append(current)
        if r["sku"] not in books.products:
            # A business problem, not a syntax one: the order is held "needs attention".
            current["unknown"].append(r["sku"])
        elif qty is not None and price is not None:
            current["lines"].append({"sku": r["sku"], "qty": qty, "price": price,
                                     "rate": books.products[r["sku"]]["rate"]})
    if problems:
        raise Reject("; ".join(problems))
    return orders


def next_number(existing, prefix):
    return "%s%d-%05d" % (prefix, YEAR, len(existing) + 1)


def apply_orders(books, records, dc):
    for o in group_orders(books, records, dc):
        if o["no"] in books.orders:
            books.refused.append(o["no"])
            continue
        goods = sum(line["qty"] * line["price"] for line in o["lines"])
        o.update(gross=goods + o["shipping"], paid_amount=0, invoice=None, shipped=False,
                 returned={}, status=None, in_transit=0)
        books.orders[o["no"]] = o
        if o["unknown"]:
            # Held until the article arrives; it reserves nothing and is not invoiced.
            o["status"] = "held"
            books.held.append(o["no"])
            continue
        for line in o["lines"]:
            assert books.available(line["sku"]) >= line["qty"], "sample stock too low for %s" % o["no"]
            books.reserved[line["sku"]] += line["qty"]
        if o["method"] == "invoice":
            cust = books.customers[o["customer_id"]]
            exposure = books.open_receivables(o["customer_id"]) + o["gross"]
            if cust["limit"] is not None and exposure > cust["limit"]:
                o["status"] = "held"
                books.held.append(o["no"])
                continue
        if o["paid"] or o["method"] in ("invoice", "cod"):
            release(books, o)
        else:
            o["status"] = "awaiting_payment"


def release(books, o):
    """Releases an order for delivery: invoiced, its shop-reported payment posted, shipped."""
    o["status"] = "shipped"
    number = next_number(books.invoices, "RE")
    o["invoice"] = number
    breakdown = invoice_breakdown(o)
    assert sum(g for g, _, _ in breakdown.values()) == o["gross"]
    books.invoices.append({"invoice_number": number, "order_number": o["no"], "gross": o["gross"],
                           "breakdown": breakdown})
    lines = [(RECEIVABLES, o["gross"], 0)]
    for rate in sorted(breakdown, reverse=True):
        g, n, v = breakdown[rate]
        lines.append((REVENUE[rate], 0, n))
        lines.append((VAT_ACCOUNT[rate], 0, v))
    books.post_lines(lines, "invoice %s order %s" % (number, o["no"]))
    o["in_transit"] = 0
    if o["paid"]:
        books.post(CLEARING_ACCOUNT[o["method"]], RECEIVABLES, o["gross"], "payment order %s" % o["no"])
        o["paid_amount"] = o["gross"]
        o["in_transit"] = o["gross"]
    books.ship(o)


def apply_payments(books, records, dc):
    for r in records:
        ref = r["reference"].strip()
        amount = cents(r["amount"], dc)
        parse_date(r["date"])
        order = books.orders.get(ref) or next((o for o in books.orders.values() if o["invoice"] == ref), None)
        assert order is not None, "payment %s matches no order" % ref
        method = (r.get("method") or "").strip().lower()
        if order["status"] == "awaiting_payment" and order["paid_amount"] + amount >= order["gross"]:
            release(books, order)
        if method in PROVIDERS:
            books.post(TRANSIT, RECEIVABLES, amount, "payment %s" % ref)
            order["paid_amount"] += amount
        else:
            # the bank first clears what the shop reported paid, then settles what is open
            cleared = min(amount, order["in_transit"]) if amount > 0 else 0
            if cleared:
                books.post(BANK, TRANSIT, cleared, "payment %s clears 1360" % ref)
                order["in_transit"] -= cleared
            if amount - cleared:
                books.post(BANK, RECEIVABLES, amount - cleared, "payment %s" % ref)
                order["paid_amount"] += amount - cleared


def apply_returns(books, records, dc):
    for r in records:
        order = books.orders[r["order_number"]]
        assert order["shipped"], "return for an order not shipped"
        qty = parse_int(r["quantity"])
        line = next(l for l in order["lines"] if l["sku"] == r["sku"])
        already = order["returned"].get(r["sku"], 0)
        assert already + qty <= line["qty"], "more returned than shipped"
        order["returned"][r["sku"]] = already + qty
        condition = (r.get("condition") or "resellable").strip().lower()
        if condition == "resellable":
            books.on_hand[r["sku"]] += qty
        else:
            assert condition == "damaged"
        gross = line["price"] * qty
        vat = vat_of(gross, line["rate"])
        number = next_number(books.credit_notes, "GS")
        books.credit_notes.append({"number": number, "order_number": order["no"], "gross": gross,
                                   "sku": r["sku"], "quantity": qty, "rate": line["rate"],
                                   "net": gross - vat, "vat": vat, "condition": condition})
        lines = [(REVENUE[line["rate"]], gross - vat, 0), (VAT_ACCOUNT[line["rate"]], vat, 0)]
        total = gross
        if all(order["returned"].get(l["sku"], 0) >= sum(m["qty"] for m in order["lines"] if m["sku"] == l["sku"])
               for l in order["lines"]):
            # nothing of the order is left with the customer: the shipping charge is refunded too,
            # split over the rates as the invoice split it
            shipping = split_shipping(order)
            for rate in sorted(shipping, reverse=True):
                sg, sn, sv = shipping[rate]
                lines += [(REVENUE[rate], sn, 0), (VAT_ACCOUNT[rate], sv, 0)]
                total += sg
            books.credit_notes[-1]["gross"] = total
        lines.append((RECEIVABLES, 0, total))
        books.post_lines(lines, "invoice correction %s" % number)


APPLY = {"products": apply_products, "stock_count": apply_stock_count, "goods_receipt": apply_goods_receipt,
         "customers": apply_customers, "orders": apply_orders, "payments": apply_payments,
         "returns": apply_returns}


def run():
    books = Books()
    log = []
    for name in sorted(os.listdir(SHOP_DIR)):
        path = os.path.join(SHOP_DIR, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        records, dc = read_records(path)
        kind = detect_kind(records[0].keys())
        trial = copy.deepcopy(books)
        try:
            APPLY[kind](trial, records, dc)
        except Reject as e:
            log.append((name, kind, "rejected", str(e)))
            continue
        books = trial
        log.append((name, kind, "accepted", ""))
    return books, log


# ---------------------------------------------------------------- output

INTRO = """# Expected figures for the Teekontor sample

The files in `Samples/teekontor/` processed in name order, `01-products.csv` to
`08-orders-broken.csv`, for the shop `teekontor`. Computed independently of Kontor by
`Samples/expected.py` (plain python3). This page is its output:

    python3 Samples/expected.py --markdown > Samples/EXPECTED.md
    python3 Samples/expected.py --json        # the same figures as JSON, for tests

## Rules the figures follow

1. Products are upserted; the stock count sets on-hand to the counted quantity.
2. Orders, in file order: every line reserves its quantity. Only `invoice` orders are
   credit-checked: exposure = the customer's open receivables (invoiced gross not yet paid,
   before this order) + this order's gross total (goods + shipping). Exposure above the credit
   limit holds the order: it keeps its reservation and gets no invoice, no postings, no
   shipment. Otherwise the order may go when it is paid (`paid=true`), on account (`invoice`)
   or `cod`; a `prepaid` order with `paid=false` is awaiting payment: it keeps its
   reservation and gets no invoice yet.
3. An order that may go is released for delivery: next invoice number `RE2025-00001`, ...
   (gap-free, in the order of release), posted as debit 1400 gross / credit 8400 (19 %) or
   8300 (7 %) net and 1776 (19 %) or 1771 (7 %) VAT. VAT per line =
   round half away from zero(line gross × rate / (100 + rate)) in cents, net = gross − VAT,
   summed per rate. Shipping is split over the rates in proportion to the goods gross per
   rate (largest remainder in cents) and each part is one more line at its rate. It ships
   at once: on-hand goes down, the reservation is released.
4. `paid=true` orders post their payment as they are invoiced to the clearing account 1360
   (Geldtransit), whatever the payment method: debit 1360 / credit 1400, gross total. The
   money waits there until the bank statement line that brings it clears it.
5. A payment whose reference is an order or invoice number: from a payment provider (`method`
   `paypal`, `card`, ...) it posts debit 1360 / credit 1400; from the bank (`transfer`, or no
   method) it first clears what waits on 1360 for that order (debit 1200 / credit 1360), and
   posts the rest debit 1200 / credit 1400. A payment that covers an order awaiting payment
   releases it first (rule 3): its invoice gets the next number then, and the payment
   settles it.
6. A goods receipt adds the received quantity to on-hand.
7. Returns: `resellable` goes back on hand, `damaged` does not. Each returned line gets an
   invoice correction (Rechnungskorrektur) `GS2025-00001`, ... citing its invoice and
   reversing that line's revenue and VAT (unit price × returned quantity, VAT by the same
   rule): debit 8400/8300 net and 1776/1771 VAT, credit 1400 gross. The return that leaves nothing of an order with the customer also
   credits the order's shipping charge, split over the rates as its invoice split it. No money
   is paid back by the return file, so 1400 may end negative (an open credit for the customer).
8. A rejected file (here `08-orders-broken.csv`) changes nothing.

No goods-receipt or cost-of-goods postings are part of these figures. Money is in EUR;
account balances are debit − credit.

"""



def account_totals(books):
    totals = {}
    for account, debit, credit, _ in books.postings:
        d, c = totals.get(account, (0, 0))
        totals[account] = (d + debit, c + credit)
    return totals


def result(books):
    totals = account_totals(books)
    return {
        # Reserved is what of the promised goods is on the shelf, never more than on hand; what
        # was promised beyond it is the shortfall; nothing is below zero.
        "stock": [{"sku": sku, "warehouse": "main", "on_hand": books.on_hand[sku],
                   "reserved": min(books.reserved[sku], max(books.on_hand[sku], 0)),
                   "available": max(0, books.on_hand[sku] - books.reserved[sku]),
                   "shortfall": max(0, books.reserved[sku] - books.on_hand[sku])} for sku in sorted(books.products)],
        "accounts": [{"account": a, "debit": fmt(d), "credit": fmt(c), "balance": fmt(d - c)}
                     for a, (d, c) in sorted(totals.items())],
        "invoices": [{"invoice_number": i["invoice_number"], "order_number": i["order_number"],
                      "gross": fmt(i["gross"])} for i in books.invoices],
        "held": list(books.held),
        "shipments": books.shipments,
        "credit_notes": [{"number": c["number"], "order_number": c["order_number"], "gross": fmt(c["gross"])}
                         for c in books.credit_notes],
    }


def markdown(books, log):
    totals = account_totals(books)
    total_debit = sum(d for d, _ in totals.values())
    total_credit = sum(c for _, c in totals.values())
    assert total_debit == total_credit
    out = [INTRO.rstrip("\n") + "\n"]
    w = out.append
    inv_total = sum(i["gross"] for i in books.invoices)
    assert totals[RECEIVABLES][0] == inv_total  # 1400 is debited by invoices only
    w("## Summary\n")
    w("- invoices: %d (%s to %s), gross %s" % (len(books.invoices), books.invoices[0]["invoice_number"],
                                               books.invoices[-1]["invoice_number"], fmt(inv_total)))
    w("- held: %s" % (", ".join("order " + n for n in books.held) or "none"))
    w("- shipments: %d" % books.shipments)
    w("- invoice corrections: %d" % len(books.credit_notes))
    w("- total debits = total credits = %s EUR\n" % fmt(total_debit))
    w("## Files\n")
    w("| file | kind | result |")
    w("|---|---|---|")
    for name, kind, status, why in log:
        w("| `%s` | %s | %s%s |" % (name, kind, status, (": " + why) if why else ""))
    w("\n## Stock (warehouse `main`)\n")
    w("| sku | on_hand | reserved | available | shortfall |")
    w("|---|---:|---:|---:|---:|")
    for s in result(books)["stock"]:
        w("| %s | %d | %d | %d | %d |" % (s["sku"], s["on_hand"], s["reserved"], s["available"], s["shortfall"]))
    w("\n## Accounts (SKR03, EUR)\n")
    w("| account | debit | credit | balance (debit − credit) |")
    w("|---|---:|---:|---:|")
    for a, (d, c) in sorted(totals.items()):
        w("| %s | %s | %s | %s |" % (a, fmt(d), fmt(c), fmt(d - c)))
    w("| **total** | **%s** | **%s** | **%s** |" % (fmt(total_debit), fmt(total_credit),
                                                   fmt(total_debit - total_credit)))
    w("\nTotal debits equal total credits: %s = %s.\n" % (fmt(total_debit), fmt(total_credit)))
    w("## Invoices\n")
    w("| invoice | order | gross | 19 % gross / net / VAT | 7 % gross / net / VAT |")
    w("|---|---|---:|---:|---:|")
    for inv in books.invoices:
        cells = []
        for rate in (19, 7):
            g, n, v = inv["breakdown"].get(rate, (0, 0, 0))
            cells.append("%s / %s / %s" % (fmt(g), fmt(n), fmt(v)) if g else "–")
        w("| %s | %s | %s | %s | %s |" % (inv["invoice_number"], inv["order_number"], fmt(inv["gross"]), *cells))
    w("\n## Orders\n")
    w("| order | payment | paid in file | gross | status | shipped |")
    w("|---|---|---|---:|---|---|")
    for o in books.orders.values():
        w("| %s | %s | %s | %s | %s | %s |" % (o["no"], o["method"], "true" if o["paid"] else "false",
                                               fmt(o["gross"]), o["status"], "yes" if o["shipped"] else "no"))
    w("\nHeld: %s. Shipments: %d.\n" % (", ".join(books.held) or "none", books.shipments))
    w("## Invoice corrections (Rechnungskorrekturen)\n")
    w("| correction | order | sku | quantity | condition | gross | net | VAT |")
    w("|---|---|---|---:|---|---:|---:|---:|")
    for c in books.credit_notes:
        w("| %s | %s | %s | %d | %s | %s | %s | %s |" % (c["number"], c["order_number"], c["sku"], c["quantity"],
                                                         c["condition"], fmt(c["gross"]), fmt(c["net"]),
                                                         fmt(c["vat"])))
    return "\n".join(out) + "\n"


def main(argv):
    books, log = run()
    if "--json" in argv:
        print(json.dumps(result(books), indent=2, ensure_ascii=False))
    elif "--markdown" in argv:
        sys.stdout.write(markdown(books, log))
    else:
        r = result(books)
        for name, kind, status, why in log:
            print("%-24s %-14s %s %s" % (name, kind, status, why))
        print("invoices: %d, held: %s, shipments: %d, invoice corrections: %d" % (
            len(r["invoices"]), r["held"], r["shipments"], len(r["credit_notes"])))
        print("total debits: %s" % fmt(sum(d for _, d, _, _ in books.postings)))


if __name__ == "__main__":
    main(sys.argv[1:])
