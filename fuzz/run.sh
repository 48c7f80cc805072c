#!/usr/bin/env bash
# Builds and runs one libFuzzer target.
#
#   fuzz/run.sh <target> [seconds] [extra libFuzzer flags…]
#
# A target is a folder fuzz/<target>/ holding Swift files with a
# `@_cdecl("LLVMFuzzerTestOneInput")` function (no main.swift); they are compiled together with
# every file of Sources/SupportCore into one module. fuzz/<target>/corpus/ (optional, committed)
# seeds the run; new inputs and crash artifacts go to fuzz/out/<target>/ (git-ignored).
# Exit status is libFuzzer's: non-zero when it found a crash, leak or timeout.
set -euo pipefail

target="${1:?usage: fuzz/run.sh <target> [seconds] [libFuzzer flags...]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target_dir="$root/fuzz/$target"
out="$root/fuzz/out/$target"
[[ -d "$target_dir" ]] || { echo "no fuzz target at fuzz/$target" >&2; exit 2; }
mkdir -p "$out/corpus" "$out/artifacts"

# Compile a snapshot: other people edit Sources/ while this builds, and swiftc refuses files that change.
snapshot="$out/src"
rm -rf "$snapshot" && mkdir -p "$snapshot/SupportCore" "$snapshot/$target"
(cd "$root/Sources/SupportCore" && find . -name '*.swift' -print0 | xargs -0 cp --parents -t "$snapshot/SupportCore")
cp "$target_dir"/*.swift "$snapshot/$target/"
mapfile -d '' sources < <(find "$snapshot" -name '*.swift' -print0 | sort -z)
module="Fuzz_$(echo "$target" | tr -c 'A-Za-z0-9\n' '_')"

echo "building $target (${#sources[@]} files)…" >&2
swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g \
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility \
    -module-name "$module" -o "$out/fuzzer" "${sources[@]}" \
    2> >(grep -v "ld.gold: warning: Cannot export local symbol '__asan" >&2)

corpora=("$out/corpus")
[[ -d "$target_dir/corpus" ]] && corpora+=("$target_dir/corpus")

echo "running $target for ${seconds}s…" >&2
exec "$out/fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/artifacts/" "$@" "${corpora[@]}"
