#!/usr/bin/env bash
# Measures how fast Kontor books a large orders file, against the floor of a plain
# `sqlite3 .import` of the same file, and whether the time of one file grows with the books.
#
#   Scripts/bench.sh [--lines N] [--also N2] [--history-files K] [--history-lines L]
#                    [--seed S] [--keep DIR] [--timeout SECONDS] [--kontor BINARY]
#
#   --lines N            order lines of the big file (default 1000000)
#   --also N2            a second file of N2 lines into its own fresh books (default 100000; 0 skips)
#   --history-files K    files booked one after another into the same books (default 20; 0 skips)
#   --history-lines L    order lines per history file (default 5000)
#   --seed S             seed of the generated shop (default 1)
#   --keep DIR           work in DIR (new or empty) and keep it: inputs, books, logs
#   --timeout SECONDS    stop any one kontor run after this long; it counts as failed (default: none)
#   --kontor BINARY      measure this kontor binary instead of building one
#
# Steps: a release build (under the lock /tmp/kontor-build.lock when flock is there); a
# generated shop (Scripts/bench/generate.py: 10,000 articles, 50,000 customers, about three
# lines per order); per set of orders a fresh root whose master data (products, customers,
# stock count) is booked by a first, separately reported `kontor run`; then the timed runs:
# `sqlite3 .import` of each orders file into a typed table, `kontor run` on the big file and
# on the --also file, the history files one by one. Each timed command runs under the same
# lock and `/usr/bin/time` (elapsed seconds, peak resident memory). At the end the stock and
# the trial balance of every root are compared with Scripts/bench/expected_totals.py, which
# computes them from the generated files alone.
#
# Exit status: 0 when every kontor run succeeded and every total matched; 1 otherwise. The
# acceptance thresholds are printed as PASS or FAIL but do not change the exit status.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

lines=1000000
also=100000
history_files=20
history_lines=5000
seed=1
keep=""
cap=0
kontor=""
shop=bench

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
whole() { [[ "$2" =~ ^[0-9]+$ ]] || { echo "$1 needs a whole number, not \"$2\"" >&2; exit 2; }; }
while (($#)); do
    case $1 in
        --lines) whole "$1" "${2-}"; lines=$2; shift 2 ;;
        --also) whole "$1" "${2-}"; also=$2; shift 2 ;;
        --history-files) whole "$1" "${2-}"; history_files=$2; shift 2 ;;
        --history-lines) whole "$1" "${2-}"; history_lines=$2; shift 2 ;;
        --seed) whole "$1" "${2-}"; seed=$2; shift 2 ;;
        --keep) [[ -n "${2-}" ]] || usage; keep=$2; shift 2 ;;
        --timeout) whole "$1" "${2-}"; cap=$2; shift 2 ;;
        --kontor) [[ -x "${2-}" ]] || { echo "--kontor needs an executable" >&2; exit 2; }; kontor=$(realpath "$2"); shift 2 ;;
        -h|--help) usage ;;
        *) echo "unknown option $1" >&2; usage ;;
    esac
done
((lines > 0)) || { echo "--lines must be at least 1" >&2; exit 2; }
((history_files == 0 || history_lines > 0)) || { echo "--history-lines must be at least 1" >&2; exit 2; }

# What the benchmark needs: GNU time, sqlite3, python3.
missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root" >&2
        exit 1
    fi
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Builds and timed runs take the lock, so that a build beside them does not disturb the
# measurement and the measurement does not hold up builds for longer than one run.
lock=()
if command -v flock >/dev/null; then lock=(flock /tmp/kontor-build.lock); fi

built=""
if [[ -z "$kontor" ]]; then
    built=1
    echo "building kontor (release)"
    "${lock[@]}" swift build -c release --product kontor
    kontor="$("${lock[@]}" swift build -c release --show-bin-path)/kontor"
fi
[[ -x "$kontor" ]] || { echo "no kontor binary at $kontor" >&2; exit 1; }

if [[ -n "$keep" ]]; then
    mkdir -p "$keep"
    [[ -z "$(ls -A "$keep")" ]] || { echo "--keep $keep: the folder is not empty" >&2; exit 2; }
    work=$(realpath "$keep")
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/kontor-bench.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
echo "work folder $work"

timer=("${lock[@]}" /usr/bin/time -f '%e %M' -o "$work/time.out")
limit=()
((cap == 0)) || limit=(timeout "$cap")

started=$(date +%s)
echo "generating the shop (seed $seed)"
python3 Scripts/bench/generate.py --out "$work/input" --seed "$seed" --lines "$lines" --also "$also" \
    --history-files "$history_files" --history-lines "$history_lines"
input=$work/input
history=()
for ((k = 1; k <= history_files; k++)); do history+=("$(printf '%s/history/orders-%03d.csv' "$input" "$k")"); done

rows=()       # "label|lines|seconds|peak kB"
kontor_peaks=()
failed=()
seconds=0 peak=0

# Runs a command under the lock and /usr/bin/time; sets seconds, peak (kB) and returns its status.
measure() {
    local log=$1; shift
    local status=0
    "${timer[@]}" "$@" >"$log" 2>&1 || status=$?
    read -r seconds peak < <(grep -E '^[0-9.]+ [0-9]+$' "$work/time.out" | tail -1) || true
    seconds=${seconds:-0} peak=${peak:-0}
    return $status
}

# One kontor run on a root; the files must already be in its inbox.
kontor_run() {
    local label=$1 root=$2 count=$3 log=$4 status=0
    measure "$log" "${limit[@]}" "$kontor" run --root "$root" --settle 0 || status=$?
    kontor_peaks+=("$peak")
    if ((status != 0)); then
        rows+=("$label: FAILED|$count|$seconds|$peak")
        failed+=("$label (exit $status$( ((status == 124)) && echo ", stopped after ${cap} s")$([[ -n "$keep" ]] && echo "; see $log"))")
        echo "  $label: FAILED, exit $status" >&2
        tail -5 "$log" >&2 || true
        return 1
    fi
    rows+=("$label|$count|$seconds|$peak")
    echo "  $label: $seconds s, $((peak / 1024)) MB"
}

# A fresh root with the master data booked.
new_root() {
    local name=$1 root=$work/$1
    "$kontor" init --root "$root" >/dev/null || { failed+=("$name: kontor init"); return 1; }
    sed -i 's/^# settle_seconds = 2$/settle_seconds = 0/' "$root/kontor.toml"
    grep -q '^settle_seconds = 0' "$root/kontor.toml" || printf '\n[kontor]\nsettle_seconds = 0\n' >>"$root/kontor.toml"
    mkdir -p "$root/inbox/$shop"
    cp "$input"/master/*.csv "$root/inbox/$shop/"
    kontor_run "$name: master data (not in the ratios)" "$root" 0 "$work/$name-master.log"
}

# sqlite3 .import of an orders file into a typed table of a fresh database.
sqlite_import() {
    local label=$1 file=$2 count=$3 db=$work/floor-$RANDOM.sqlite status=0
    rm -f "$db"
    measure "$work/sqlite.log" sqlite3 "$db" <<SQL || status=$?
CREATE TABLE orders (order_number TEXT NOT NULL, order_date TEXT NOT NULL, customer_id TEXT, payment_method TEXT,
                     paid TEXT, shipping REAL, sku TEXT NOT NULL, quantity INTEGER NOT NULL, unit_price REAL NOT NULL);
.mode csv
.import --skip 1 '$file' orders
SQL
    local imported
    imported=$(sqlite3 "$db" 'SELECT count(*) FROM orders' 2>/dev/null || echo 0)
    rm -f "$db" "$db-journal"
    if ((status != 0)) || [[ "$imported" != "$count" ]]; then
        echo "sqlite3 .import of $file failed ($imported of $count rows):" >&2
        cat "$work/sqlite.log" >&2
        exit 1
    fi
    rows+=("$label|$count|$seconds|$peak")
    echo "  $label: $seconds s"
}

declare -A result=()   # name -> seconds
declare -A checked=()  # root -> order files, when every run of the root succeeded

echo "the floor: sqlite3 .import"
sqlite_import "sqlite3 .import orders-big.csv" "$input/orders-big.csv" "$lines"
result[sqlite_big]=$seconds
if ((also > 0)); then
    sqlite_import "sqlite3 .import orders-also.csv" "$input/orders-also.csv" "$also"
    result[sqlite_also]=$seconds
fi

echo "kontor run, $lines lines into fresh books"
if new_root big; then
    cp "$input/orders-big.csv" "$work/big/inbox/$shop/"
    if kontor_run "kontor run orders-big.csv" "$work/big" "$lines" "$work/big-orders.log"; then
        result[kontor_big]=$seconds
        checked[big]="$input/orders-big.csv"
    fi
fi

if ((also > 0)); then
    echo "kontor run, $also lines into fresh books"
    if new_root also; then
        cp "$input/orders-also.csv" "$work/also/inbox/$shop/"
        if kontor_run "kontor run orders-also.csv" "$work/also" "$also" "$work/also-orders.log"; then
            result[kontor_also]=$seconds
            checked[also]="$input/orders-also.csv"
        fi
    fi
fi

if ((history_files > 0)); then
    echo "history: $history_files files of $history_lines lines into the same books"
    if new_root history; then
        ok=1
        for ((k = 1; k <= history_files; k++)); do
            file=${history[k - 1]}
            cp "$file" "$work/history/inbox/$shop/"
            if ! kontor_run "history $k/$history_files $(basename "$file")" "$work/history" "$history_lines" \
                "$work/history-$k.log"; then
                ok=0
                break
            fi
            ((k == 1)) && result[history_first]=$seconds
            ((k == history_files)) && result[history_last]=$seconds
        done
        ((ok)) && checked[history]="${history[*]}"
    fi
fi

# ----- the report -----
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { if (v == "n/a") print "n/a"; else if (v + 0 <= t + 0) print "PASS"; else print "FAIL" }'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
memory=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
swift_version=$(swift --version 2>/dev/null | head -1 || echo "swift not found")
if [[ -n "$built" ]]; then
    revision="built from $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo "?")"
    git -C "$repo" diff --quiet HEAD -- Sources Package.swift 2>/dev/null || revision="$revision with local changes"
else
    revision="given with --kontor"
fi

echo
echo "Kontor benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed"
echo "machine: $(nproc) cores, $memory, $cpu; $swift_version; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "kontor: $kontor ($revision)"
echo
echo "| run | order lines | seconds | lines/s | peak MB |"
echo "|---|---:|---:|---:|---:|"
for row in "${rows[@]}"; do
    IFS='|' read -r label count secs kb <<<"$row"
    speed=$(awk -v n="$count" -v s="$secs" -v l="$label" 'BEGIN { if (n > 0 && s > 0 && l !~ /FAILED$/) printf "%.0f", n / s; else print "-" }')
    echo "| $label | $count | $secs | $speed | $(mb "$kb") |"
done
echo

peak_max=0
for kb in "${kontor_peaks[@]}"; do ((kb > peak_max)) && peak_max=$kb; done
big_ratio=$( [[ -n "${result[kontor_big]-}" ]] && ratio "${result[kontor_big]}" "${result[sqlite_big]}" || echo "n/a")
history_ratio=$( [[ -n "${result[history_last]-}" ]] && ratio "${result[history_last]}" "${result[history_first]}" || echo "n/a")
echo "kontor / sqlite3 .import, $lines lines: $big_ratio"
if [[ -n "${result[kontor_also]-}" ]]; then
    echo "kontor / sqlite3 .import, $also lines: $(ratio "${result[kontor_also]}" "${result[sqlite_also]}")"
fi
if ((history_files > 0)); then
    echo "history, last / first of $history_files files of $history_lines lines: $history_ratio"
fi
echo "peak memory of the kontor runs: $(mb "$peak_max") MB"
echo
note=""
((lines == 1000000)) || note=" (measured at $lines lines; the criterion is for 1,000,000)"
echo "thresholds:"
echo "  $(verdict "$big_ratio" 5)  big file within 5 x the sqlite3 .import time: $big_ratio$note"
if ((history_files > 0)); then
    hnote=""
    ((history_files == 20 && history_lines == 5000)) || hnote=" (measured with $history_files x $history_lines lines; the criterion is for 20 x 5,000)"
    echo "  $(verdict "$history_ratio" 1.25)  history last / first <= 1.25: $history_ratio$hnote"
fi
echo "  $(verdict "$(mb "$peak_max")" 150)  peak memory <= 150 MB: $(mb "$peak_max") MB"
echo
echo "checking stock and ledger totals against Scripts/bench/expected_totals.py (computed from the generated files)"
totals=()
mismatch=0
for name in big also history; do
    [[ -d "$work/$name" ]] || continue
    if [[ -z "${checked[$name]-}" ]]; then
        totals+=("$name: not checked (a kontor run failed)")
        continue
    fi
    "$kontor" stock --root "$work/$name" --json >"$work/$name-stock.json"
    "$kontor" ledger --root "$work/$name" --json >"$work/$name-ledger.json"
    # shellcheck disable=SC2086  # the order files of a root, in booking order
    if python3 Scripts/bench/expected_totals.py --master "$input/master" ${checked[$name]} \
        --stock "$work/$name-stock.json" --ledger "$work/$name-ledger.json" --label "$name" >"$work/$name-totals.txt"; then
        totals+=("$name: totals match ($(head -1 "$work/$name-totals.txt" | sed 's/^[^:]*: expected: //'))")
    else
        totals+=("$name: TOTALS DIFFER (see above)")
        mismatch=1
    fi
    cat "$work/$name-totals.txt"
done

echo
echo "totals:"
printf '  %s\n' "${totals[@]}"
if ((${#failed[@]})); then
    echo "failed kontor runs:"
    printf '  %s\n' "${failed[@]}"
fi
echo "($(($(date +%s) - started)) s in all)"
[[ -n "$keep" ]] && echo "kept: $work"

if ((mismatch)) || ((${#failed[@]})); then exit 1; fi
exit 0
