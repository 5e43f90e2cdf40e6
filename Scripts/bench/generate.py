#!/usr/bin/env python3
"""Writes the benchmark shop in Kontor's own CSV formats (docs/formats.md).

    generate.py --out DIR [--seed S] [--lines N] [--also N2]
                [--history-files K] [--history-lines L]

Files written into DIR:

    master/01-products.csv     10,000 articles, VAT 7 % or 19 %, gross price, weight
    master/02-customers.csv    50,000 customers with credit limits (some low, some empty)
    master/03-stock-count.csv  a counted stock per article, large enough for every order
    orders-big.csv             N order lines (order numbers B-1, B-2, ...)
    orders-also.csv            N2 order lines (S-1, S-2, ...), unless N2 is 0
    history/orders-001.csv ... K files of L lines each (H001-1, ...)

About three lines per order (one to five). Payment: prepaid and paid (55 %), on account
`invoice` (35 %), prepaid not yet paid (5 %), card and paid (5 %). Shipping on the first
line of an order: 0.00, 4.90, 5.95 or 6.90. Articles are drawn at random, so most orders
mix 7 % and 19 % goods and the shipping charge is split over both rates. One line in
twenty is sold 10 % below the list price.

The same seed and sizes give the same bytes. Each file has its own random stream (seeded
with the seed and the file's role), so the big file does not change when only --also or
the history sizes change; only the counted stock (the largest demand of any of the three
sets of orders, plus a margin) depends on all of them.
"""

import argparse
import os
import random
from datetime import date, timedelta

ARTICLES = 10_000
CUSTOMERS = 50_000
SHIPPING = (0, 490, 595, 690)
SHIPPING_WEIGHTS = (25, 40, 15, 20)
# (payment_method, paid) and their weights
PAYMENTS = (("prepaid", "true"), ("invoice", "false"), ("prepaid", "false"), ("card", "true"))
PAYMENT_WEIGHTS = (55, 35, 5, 5)
LINES_PER_ORDER = (1, 2, 3, 4, 5)
QUANTITIES = (1, 2, 3, 4, 5)
QUANTITY_WEIGHTS = (50, 25, 12, 8, 5)

ORDER_HEADER = "order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price\n"


def money(cents):
    return "%d.%02d" % (cents // 100, cents % 100)


def sku_of(i):
    return "A%05d" % (i + 1)


def customer_of(i):
    return "C%06d" % (i + 1)


def write_products(path, rng):
    prices = []
    with open(path, "w", encoding="utf-8", newline="", buffering=1 << 20) as out:
        out.write("sku,name,price,vat_rate,weight_kg\n")
        for i in range(ARTICLES):
            rate = 7 if rng.random() < 0.4 else 19
            price = rng.randint(49, 19_999)
            grams = rng.randint(10, 5_000)
            prices.append(price)
            out.write("%s,Artikel %05d,%s,%d,%d.%03d\n" % (sku_of(i), i + 1, money(price), rate, grams // 1000, grams % 1000))
    return prices


def write_customers(path, rng):
    with open(path, "w", encoding="utf-8", newline="", buffering=1 << 20) as out:
        out.write("customer_id,name,email,credit_limit,payment_terms_days\n")
        for i in range(CUSTOMERS):
            r = rng.random()
            if r < 0.60:
                limit = "10000.00"
            elif r < 0.85:
                limit = "2000.00"
            elif r < 0.95:
                limit = "300.00"
            else:
                limit = ""  # the shop's default_credit_limit (0.00): every order on account is held
            out.write("%s,Kunde %06d,kunde%06d@example.com,%s,14\n" % (customer_of(i), i + 1, i + 1, limit))


def write_orders(path, rng, lines, prefix, prices, demand):
    """Writes `lines` order lines; adds each line's quantity to demand[article]."""
    days = [(date(2025, 1, 1) + timedelta(days=d)).isoformat() for d in range(365)]
    price_text = [money(p) for p in prices]
    discounted = [money(p - (p + 5) // 10) for p in prices]
    customers = [customer_of(i) for i in range(CUSTOMERS)]
    skus = [sku_of(i) for i in range(ARTICLES)]
    shipping_text = [money(s) for s in SHIPPING]
    randrange, random_, choices = rng.randrange, rng.random, rng.choices
    written = 0
    number = 0
    orders_per_day = max(1, lines // 3 // 365 + 1)
    with open(path, "w", encoding="utf-8", newline="", buffering=1 << 20) as out:
        out.write(ORDER_HEADER)
        write = out.write
        while written < lines:
            number += 1
            count = min(LINES_PER_ORDER[randrange(5)], lines - written)
            order = "%s-%d" % (prefix, number)
            day = days[min(364, number // orders_per_day)]
            customer = customers[randrange(CUSTOMERS)]
            method, paid = choices(PAYMENTS, PAYMENT_WEIGHTS)[0]
            shipping = shipping_text[choices(range(4), SHIPPING_WEIGHTS)[0]]
            quantities = choices(QUANTITIES, QUANTITY_WEIGHTS, k=count)
            head = "%s,%s,%s,%s,%s," % (order, day, customer, method, paid)
            for k in range(count):
                article = randrange(ARTICLES)
                quantity = quantities[k]
                price = discounted[article] if random_() < 0.05 else price_text[article]
                demand[article] += quantity
                write("%s%s,%s,%d,%s\n" % (head, shipping if k == 0 else "", skus[article], quantity, price))
            written += count
    return number


def write_stock_count(path, demands):
    with open(path, "w", encoding="utf-8", newline="", buffering=1 << 20) as out:
        out.write("sku,counted,warehouse\n")
        for i in range(ARTICLES):
            need = max(d[i] for d in demands) if demands else 0
            out.write("%s,%d,main\n" % (sku_of(i), need + need // 10 + 10))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--also", type=int, default=100_000)
    parser.add_argument("--history-files", type=int, default=20)
    parser.add_argument("--history-lines", type=int, default=5_000)
    args = parser.parse_args()

    def stream(role):
        return random.Random("kontor-bench-%d-%s" % (args.seed, role))

    os.makedirs(os.path.join(args.out, "master"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "history"), exist_ok=True)
    prices = write_products(os.path.join(args.out, "master", "01-products.csv"), stream("products"))
    write_customers(os.path.join(args.out, "master", "02-customers.csv"), stream("customers"))

    demands = []
    summary = []
    if args.lines > 0:
        demand = [0] * ARTICLES
        orders = write_orders(os.path.join(args.out, "orders-big.csv"), stream("big"), args.lines, "B", prices, demand)
        demands.append(demand)
        summary.append("orders-big.csv: %d lines, %d orders" % (args.lines, orders))
    if args.also > 0:
        demand = [0] * ARTICLES
        orders = write_orders(os.path.join(args.out, "orders-also.csv"), stream("also"), args.also, "S", prices, demand)
        demands.append(demand)
        summary.append("orders-also.csv: %d lines, %d orders" % (args.also, orders))
    if args.history_files > 0 and args.history_lines > 0:
        demand = [0] * ARTICLES
        orders = 0
        for k in range(1, args.history_files + 1):
            orders += write_orders(os.path.join(args.out, "history", "orders-%03d.csv" % k), stream("history-%d" % k),
                                   args.history_lines, "H%03d" % k, prices, demand)
        demands.append(demand)
        summary.append("history/: %d files of %d lines, %d orders" % (args.history_files, args.history_lines, orders))
    write_stock_count(os.path.join(args.out, "master", "03-stock-count.csv"), demands)
    print("generated %d articles, %d customers; %s" % (ARTICLES, CUSTOMERS, "; ".join(summary)))


if __name__ == "__main__":
    main()
