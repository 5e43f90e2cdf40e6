#!/usr/bin/env bash
# Fuzzes Kontor's readers with libFuzzer: one fuzzer binary per reader (CSVReader,
# JSONRecordReader, XMLRecordReader with Kontor's schema), built from Tests/Fuzz/ together
# with the KontorCore and KontorFormats sources into .build-fuzz/, seeded with the samples,
# the fixtures and the examples of docs/formats.md.
#
#   Scripts/fuzz.sh [csv|json|xml|all] [seconds per reader]     (default: all 600)
#
# Everything runs at the lowest priority (nice 19). Each input may be up to 64 KiB. An input
# that crashes a reader (or leaks, or hangs for 10 s) is copied to
# Tests/Fixtures/fuzz-regressions/<reader>-<sha1>, where FuzzRegressionTests reads it on
# every test run; after a crash the fuzzer starts again for the rest of the time.
# KONTOR_FUZZ_COMPARE=1 in the environment also fails an input that a reader reads
# differently in small and in large chunks.
set -uo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
seconds=${2:-600}
case "$which" in
    csv|json|xml) readers=("$which") ;;
    all) readers=(csv json xml) ;;
    *) echo "usage: Scripts/fuzz.sh [csv|json|xml|all] [seconds]" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "seconds must be a whole number: $seconds" >&2; exit 2; }

missing=()
for package in pkg-config libxml2-dev; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

build=.build-fuzz
regressions=Tests/Fixtures/fuzz-regressions
mkdir -p "$build/modules" "$build/objects" "$build/artifacts" "$build/logs" "$regressions"

xml_cflags=$(pkg-config --cflags-only-I libxml-2.0)
xml_flags=(-I Sources/CLibXML2)
for flag in $xml_cflags; do xml_flags+=(-Xcc "$flag"); done
swift_flags=(-O -use-ld=lld -swift-version 6 -parse-as-library -sanitize=fuzzer,address
             -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility)

# Builds a library module into one object file and its .swiftmodule.
build_module() {
    local name=$1; shift
    nice -n 19 swiftc "${swift_flags[@]}" -wmo -module-name "$name" -I "$build/modules" "${xml_flags[@]}" \
        -emit-module -emit-module-path "$build/modules/$name.swiftmodule" \
        -c "$@" -o "$build/objects/$name.o"
}

sources=$(find Sources/KontorCore Sources/KontorFormats Sources/CLibXML2 Tests/Fuzz Scripts/fuzz.sh -type f)
if [[ ! -f "$build/stamp" ]] || [[ -n "$(find $sources -newer "$build/stamp" 2>/dev/null)" ]]; then
    echo "building the fuzzers into $build/ (nice 19)"
    rm -f "$build/stamp"
    build_module KontorCore $(find Sources/KontorCore -name '*.swift' | sort) || exit 1
    build_module KontorFormats $(find Sources/KontorFormats -name '*.swift' | sort) || exit 1
    for reader in csv json xml; do
        harness=Tests/Fuzz/Fuzz$(echo "$reader" | tr a-z A-Z).swift
        nice -n 19 swiftc "${swift_flags[@]}" -module-name "Fuzz$reader" -I "$build/modules" "${xml_flags[@]}" \
            "$harness" "$build/objects/KontorCore.o" "$build/objects/KontorFormats.o" -lxml2 \
            -o "$build/fuzz-$reader" || exit 1
    done
    touch "$build/stamp"
fi

# Seeds: every sample and fixture of the reader's syntax, the schema, and each example of
# docs/formats.md, one file per fenced block.
seed_corpus() {
    local reader=$1 corpus=$build/corpus/$1
    mkdir -p "$corpus"
    local extensions=("$reader")
    [[ "$reader" == xml ]] && extensions+=(xsd)
    for extension in "${extensions[@]}"; do
        find Samples Tests/Fixtures docs -type f -name "*.$extension" -not -path "$regressions/*" 2>/dev/null |
            while read -r file; do
                cp "$file" "$corpus/seed-$(sha1sum "$file" | cut -c1-16)"
            done
    done
    awk -v want="$reader" -v dir="$corpus" '
        /^```/ { if (inside) { inside = 0; close(out) } else if ($0 == "```" want) { inside = 1; n++; out = dir "/seed-docs-" n } next }
        inside { print > out }
    ' docs/formats.md
}

summary=()
status=0
for reader in "${readers[@]}"; do
    seed_corpus "$reader"
    log=$build/logs/$reader-$(date +%Y%m%d-%H%M%S).log
    runs=0 rate_sum=0 rate_count=0 crashes=0 remaining=$seconds
    echo "fuzzing $reader for $seconds s (log: $log)"
    while ((remaining > 0)); do
        started=$(date +%s)
        before=$(ls "$build/artifacts" | sort)
        SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} nice -n 19 "$build/fuzz-$reader" \
            -max_len=65536 -timeout=10 -rss_limit_mb=2048 -max_total_time="$remaining" \
            -dict="Tests/Fuzz/$reader.dict" -artifact_prefix="$build/artifacts/$reader-" \
            -print_final_stats=1 "$build/corpus/$reader" >>"$log" 2>&1
        exit_code=$?
        remaining=$((remaining - ($(date +%s) - started)))
        executed=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}')
        rate=$(grep -a 'stat::average_exec_per_sec' "$log" | tail -1 | awk '{print $2}')
        runs=$((runs + ${executed:-0}))
        if [[ -n "$rate" ]]; then rate_sum=$((rate_sum + rate)); rate_count=$((rate_count + 1)); fi
        new=$(comm -13 <(echo "$before") <(ls "$build/artifacts" | sort) | grep -E "^$reader-(crash|leak|timeout|oom)-" || true)
        for artifact in $new; do
            hash=$(sha1sum "$build/artifacts/$artifact" | cut -c1-40)
            cp "$build/artifacts/$artifact" "$regressions/$reader-$hash"
            echo "$reader: ${artifact#"$reader"-} kept as $regressions/$reader-$hash"
            crashes=$((crashes + 1))
        done
        if ((exit_code == 0)); then break; fi
        if [[ -z "$new" ]]; then
            echo "$reader: the fuzzer stopped with exit code $exit_code and no crash file; see $log" >&2
            status=1
            break
        fi
        if ((crashes >= 20)); then break; fi
    done
    rate=$((rate_count > 0 ? rate_sum / rate_count : 0))
    line="$reader: $runs runs in $seconds s, $rate exec/s, $crashes crashes, corpus $(ls "$build/corpus/$reader" | wc -l) inputs"
    echo "$line"
    summary+=("$line")
    ((crashes > 0)) && status=1
done

echo
echo "summary ($(date -u +%Y-%m-%dT%H:%MZ), $seconds s per reader):"
printf '  %s\n' "${summary[@]}"
exit $status
