#!/usr/bin/env bash
# Shows that Kontor's readers stream: reads a 10 MB and a 500 MB file of Kontor orders as
# CSV, as a JSON array and as XML (validated against Kontor's schema) through CSVReader,
# JSONRecordReader and XMLRecordReader, mapping each record to a FlatRecord, and measures the
# peak memory (maximum resident set size, /usr/bin/time -v) and the time of each reading.
# Memory that does not grow with the file size gives a ratio peak(500 MB) / peak(10 MB)
# near 1.
#
#   Scripts/bench-memory.sh [small MB] [large MB]     (default: 10 500)
#
# The reader is a release build (-O) in .build-bench/; the files are written to a temporary
# folder (TMPDIR, else /tmp; about 1.5 GB at the default sizes) and deleted at the end.
# Everything runs at the lowest priority (nice 19), one reading at a time.
set -euo pipefail
cd "$(dirname "$0")/.."

small=${1:-10}
large=${2:-500}

missing=()
for package in pkg-config libxml2-dev time; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

build=.build-bench
mkdir -p "$build/modules" "$build/objects"
xml_flags=(-I Sources/CLibXML2)
for flag in $(pkg-config --cflags-only-I libxml-2.0); do xml_flags+=(-Xcc "$flag"); done
swift_flags=(-O -swift-version 6 -parse-as-library
             -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility)

sources=$(find Sources/KontorCore Sources/KontorFormats Sources/CLibXML2 Benchmarks/ReaderMemory Scripts/bench-memory.sh -type f)
if [[ ! -f "$build/stamp" ]] || [[ -n "$(find $sources -newer "$build/stamp")" ]]; then
    echo "building the reader (release) into $build/ (nice 19)"
    rm -f "$build/stamp"
    for module in KontorCore KontorFormats; do
        nice -n 19 swiftc "${swift_flags[@]}" -wmo -module-name "$module" -I "$build/modules" "${xml_flags[@]}" \
            -emit-module -emit-module-path "$build/modules/$module.swiftmodule" \
            -c $(find "Sources/$module" -name '*.swift' | sort) -o "$build/objects/$module.o"
    done
    nice -n 19 swiftc "${swift_flags[@]}" -module-name ReaderMemory -I "$build/modules" "${xml_flags[@]}" \
        Benchmarks/ReaderMemory/*.swift "$build/objects/KontorCore.o" "$build/objects/KontorFormats.o" -lxml2 \
        -o "$build/reader-memory"
    touch "$build/stamp"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kontor-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One reading: prints "records seconds peak-kB".
measure() {
    local syntax=$1 file=$2 output
    output=$(nice -n 19 /usr/bin/time -v "$build/reader-memory" read "$syntax" "$file" 2>&1) || {
        echo "$output" >&2
        echo "reading $file failed" >&2
        exit 1
    }
    local records seconds peak
    records=$(echo "$output" | awk '/^records/ {print $2}')
    peak=$(echo "$output" | awk -F': ' '/Maximum resident set size/ {print $2}')
    seconds=$(echo "$output" | awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' |
        awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    echo "$records $seconds $peak"
}

rows=()
ratios=()
for syntax in csv json xml; do
    declare -A peak_of=()
    for megabytes in "$small" "$large"; do
        file=$work/orders-${megabytes}mb.$syntax
        nice -n 19 "$build/reader-memory" generate "$syntax" $((megabytes * 1000 * 1000)) "$file"
        size=$(stat -c %s "$file")
        read -r records seconds peak < <(measure "$syntax" "$file")
        [[ -n "$records" && -n "$peak" ]] || { echo "reading $file failed" >&2; exit 1; }
        rm -f "$file"
        peak_of[$megabytes]=$peak
        rows+=("$(awk -v s="$syntax" -v size="$size" -v r="$records" -v t="$seconds" -v p="$peak" 'BEGIN {
            printf "| %s | %.1f MB | %d | %.1f MB | %.2f s | %.0f MB/s |", s, size / 1e6, r, p / 1024, t, (t > 0 ? size / 1e6 / t : 0) }')")
        echo "${rows[-1]}"
    done
    ratios+=("$(awk -v s="$syntax" -v a="${peak_of[$large]}" -v b="${peak_of[$small]}" 'BEGIN {
        printf "| %s | %.1f MB | %.1f MB | %.2f |", s, b / 1024, a / 1024, a / b }')")
    unset peak_of
done

echo
echo "Peak memory and time per reading ($(date -u +%Y-%m-%d), $(nproc) cores, release build):"
echo
echo "| syntax | file size | records | peak RSS | time | throughput |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "| syntax | peak at $small MB | peak at $large MB | ratio |"
echo "|---|---|---|---|"
printf '%s\n' "${ratios[@]}"
