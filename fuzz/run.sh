#!/usr/bin/env bash
# Builds and runs one libFuzzer target.
#
#   fuzz/run.sh <target> [seconds] [extra libFuzzer flags…]
#
# A target is a folder fuzz/<target>/ holding Swift files with a
# `@_cdecl("LLVMFuzzerTestOneInput")` function (no main.swift); they are compiled together with
# the sources listed in fuzz/<target>/sources.txt into one module: one glob per line, relative to
# the repository root (`**` matches folders; blank lines and `#` comments ignored); imports of the
# package modules listed there (Sources/<Module>/…) are dropped from the compiled copies. Without a
# sources.txt the target gets every file of Sources/SupportCore. Extra swiftc arguments (e.g. -I
# and objects of prebuilt package dependencies) may be listed in fuzz/<target>/swiftc-args.txt,
# one per line: $ROOT stands for the repository root, $BUILD for a SwiftPM scratch folder that
# holds a debug build of the package (FUZZ_PACKAGE_BUILD, default $ROOT/.build), and a line with
# * or ? is a glob expanded to every matching file. fuzz/<target>/corpus/ (optional, committed)
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

# The target's source globs (default: all of SupportCore).
patterns=("Sources/SupportCore/**/*.swift")
if [[ -f "$target_dir/sources.txt" ]]; then
    mapfile -t patterns < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$target_dir/sources.txt")
fi
shopt -s globstar nullglob
listed=()
for pattern in "${patterns[@]}"; do
    matches=( $(cd "$root" && echo $pattern) )
    (( ${#matches[@]} )) || { echo "fuzz/$target/sources.txt: '$pattern' matches no file" >&2; exit 2; }
    listed+=("${matches[@]}")
done
shopt -u globstar nullglob

# Compile a snapshot: other people edit Sources/ while this builds, and swiftc refuses files that change.
snapshot="$out/src"
rm -rf "$snapshot" && mkdir -p "$snapshot/fuzz/$target"
(cd "$root" && cp --parents -t "$snapshot" "${listed[@]}")
cp "$target_dir"/*.swift "$snapshot/fuzz/$target/"
mapfile -d '' sources < <(find "$snapshot" -name '*.swift' -print0 | sort -z)
# Everything becomes one module, so imports of the package modules compiled in here go away.
for module_name in $(printf '%s\n' "${listed[@]}" | sed -n 's|^Sources/\([^/]*\)/.*|\1|p' | sort -u); do
    sed -i -E "/^[[:space:]]*(@testable[[:space:]]+)?(public[[:space:]]+|internal[[:space:]]+)?import[[:space:]]+$module_name[[:space:]]*$/d" "${sources[@]}"
done
build="${FUZZ_PACKAGE_BUILD:-$root/.build}"
extra=()
if [[ -f "$target_dir/swiftc-args.txt" ]]; then
    mapfile -t arguments < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' \
        -e "s|\$ROOT|$root|g" -e "s|\$BUILD|$build|g" "$target_dir/swiftc-args.txt")
    for argument in "${arguments[@]}"; do
        if [[ "$argument" == *[*?]* ]]; then
            mapfile -t matches < <(compgen -G "$argument" || true)
            (( ${#matches[@]} )) || {
                echo "fuzz/$target/swiftc-args.txt: '$argument' matches no file (build the package into $build first?)" >&2
                exit 2
            }
            extra+=("${matches[@]}")
        else
            extra+=("$argument")
        fi
    done
fi
module="Fuzz_$(echo "$target" | tr -c 'A-Za-z0-9\n' '_')"

echo "building $target (${#sources[@]} files)…" >&2
swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g \
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility \
    -module-name "$module" -o "$out/fuzzer" "${sources[@]}" "${extra[@]}" \
    2> >(grep -v "ld.gold: warning: Cannot export local symbol '__asan" >&2)

corpora=("$out/corpus")
[[ -d "$target_dir/corpus" ]] && corpora+=("$target_dir/corpus")

echo "running $target for ${seconds}s…" >&2
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
cd "$root"  # targets may read repository files by relative path (e.g. the BIP-39 lists)
exec "$out/fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/artifacts/" "$@" "${corpora[@]}"
