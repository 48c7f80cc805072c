#!/usr/bin/env bash
# Runs our classifier (`supportbot eval --json`, release build) and the peer baselines
# (scikit-learn LinearSVC / LogisticRegression, fastText; ../shared/peers) on BANKING77 and
# CLINC150, and prints one table with ratios.
#
#   scripts/compare-classifiers.sh                 # reuse peer results if present, else run them (~10 min)
#   scripts/compare-classifiers.sh --skip-peers    # ours only
#   scripts/compare-classifiers.sh --rerun-peers   # always run ../shared/peers/run.sh again
#
# Environment: BENCH_DATA (default ../shared/data/benchmarks), PEERS_DIR (default ../shared/peers),
# PEERS_RESULTS (default /tmp/supportbot-peers-results; run.sh writes its JSON there),
# PEERS_MODELS ("svc lr ft_e25"), SCRATCH (build folder, default .build), OUT (default /tmp/supportbot-compare).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BENCH_DATA=${BENCH_DATA:-$ROOT/../shared/data/benchmarks}
PEERS_DIR=${PEERS_DIR:-$ROOT/../shared/peers}
PEERS_RESULTS=${PEERS_RESULTS:-/tmp/supportbot-peers-results}
PEERS_MODELS=${PEERS_MODELS:-"svc lr ft_e25"}
SCRATCH=${SCRATCH:-.build}
OUT=${OUT:-/tmp/supportbot-compare}
PEERS_MODE=auto
for arg in "$@"; do
  case "$arg" in
    --skip-peers) PEERS_MODE=skip ;;
    --rerun-peers) PEERS_MODE=rerun ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

for f in banking77/train.csv banking77/test.csv clinc150/data_full.json; do
  [ -f "$BENCH_DATA/$f" ] || { echo "missing $BENCH_DATA/$f; set BENCH_DATA" >&2; exit 1; }
done
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "GNU time (/usr/bin/time) is needed for peak memory: apt-get install time" >&2; exit 1; }

mkdir -p "$OUT"
echo "building supportbot (release, $SCRATCH)..." >&2
swift build -c release --product supportbot --scratch-path "$SCRATCH" >&2
BIN=$(swift build -c release --product supportbot --scratch-path "$SCRATCH" --show-bin-path)/supportbot

echo "ours: BANKING77..." >&2
"$TIME" -v -o "$OUT/banking77.time.txt" "$BIN" eval --json \
  --train "$BENCH_DATA/banking77/train.csv" --test "$BENCH_DATA/banking77/test.csv" > "$OUT/banking77.json"
echo "ours: CLINC150..." >&2
"$TIME" -v -o "$OUT/clinc150.time.txt" "$BIN" eval --json \
  --train "$BENCH_DATA/clinc150/data_full.json" > "$OUT/clinc150.json"

have_peers() {
  for ds in banking77 clinc150; do
    for m in $PEERS_MODELS; do
      [ -f "$PEERS_RESULTS/${ds}__${m}.train.json" ] && [ -f "$PEERS_RESULTS/${ds}__${m}.serve.json" ] || return 1
    done
  done
}
if [ "$PEERS_MODE" = rerun ] || { [ "$PEERS_MODE" = auto ] && ! have_peers; }; then
  echo "peers: running $PEERS_DIR/run.sh (MODELS=\"$PEERS_MODELS\"; several minutes)..." >&2
  # run.sh ends by rewriting the RESULTS.md beside it (even in a read-only folder when run as root), so it
  # runs from a private copy: the shared folder is never written. The JSON in PEERS_RESULTS is what we read.
  peers_copy=$(mktemp -d /tmp/supportbot-peers-XXXX)
  cp -r "$PEERS_DIR"/. "$peers_copy"/ && chmod -R u+w "$peers_copy"
  BENCH_DATA="$BENCH_DATA" PEERS_RESULTS="$PEERS_RESULTS" MODELS="$PEERS_MODELS" bash "$peers_copy/run.sh" >&2 || true
  have_peers || { echo "peer results missing in $PEERS_RESULTS after run.sh" >&2; exit 1; }
fi

python3 - "$OUT" "$PEERS_RESULTS" "$PEERS_MODE" "$PEERS_MODELS" <<'PY'
import json, os, re, sys
out, res, mode, models = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split()
names = {"svc": "LinearSVC", "lr": "LogReg", "ft_e5": "fastText 5ep", "ft_e25": "fastText 25ep",
         "ft_e50": "fastText 50ep", "ft_e25_sub": "fastText 25ep+sub"}

def rss(path):
    try:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
        return int(m.group(1)) / 1024 if m else None
    except OSError:
        return None

def peer(ds, m, phase):
    p = os.path.join(res, f"{ds}__{m}.{phase}.json")
    return json.load(open(p)) if os.path.exists(p) else None

rows = []  # (set, metric, higher_is_better, ours, {model: value})
for ds in ("banking77", "clinc150"):
    o = json.load(open(os.path.join(out, f"{ds}.json")))
    o_rss = rss(os.path.join(out, f"{ds}.time.txt"))
    pv = {}
    for m in models:
        tr, sv = (peer(ds, m, "train"), peer(ds, m, "serve")) if mode != "skip" else (None, None)
        if tr is None:
            continue
        thr = tr.get("oos_threshold_accuracy", {})
        pv[m] = {
            "acc": tr["test_acc"] * 100, "f1": tr["test_macro_f1"] * 100,
            "in": thr.get("in_scope_acc", float("nan")) * 100, "rec": thr.get("oos_recall", float("nan")) * 100,
            "prec": thr.get("oos_precision", float("nan")) * 100,
            "train": tr["train_seconds"],
            "p50": sv["latency_single"]["median_us"] if sv else None,
            "batch": sv["throughput_batch"]["msgs_per_s"] if sv else None,
            "rss_train": rss(os.path.join(res, "time", f"{ds}__{m}.train.txt")),
        }
    if ds == "banking77":
        metrics = [("test accuracy %", "acc", o["accuracy"] * 100, True), ("macro-F1 %", "f1", o["macro_f1"] * 100, True)]
    else:
        metrics = [("in-scope acc % (closed set)", "acc", o["closed_set_in_scope_accuracy"] * 100, True),
                   ("in-scope acc % (threshold on val)", "in", o["in_scope_accuracy"] * 100, True),
                   ("oos recall % (threshold on val)", "rec", (o["oos_recall"] or 0) * 100, True),
                   ("oos precision % (threshold on val)", "prec", (o["oos_precision"] or 0) * 100, True)]
    metrics += [("train s", "train", o["train_seconds"], False),
                ("1-msg latency p50 µs", "p50", o["latency_p50_us"], False),
                ("batch msg/s", "batch", o["batch_messages_per_second"], True),
                ("peak RSS MB (ours: whole eval; peers: train)", "rss_train", o_rss, False)]
    for label, key, ours, hib in metrics:
        rows.append((ds, label, ours, {m: pv[m][key] for m in pv}, hib))

peers_shown = [m for m in models if any(m in r[3] for r in rows)]
def fmt(v):
    if v is None or v != v: return "n/a"
    return f"{v:,.0f}" if abs(v) >= 1000 else (f"{v:.2f}" if abs(v) < 100 else f"{v:.1f}")
hdr = ["set", "metric", "supportbot"] + [f"{names.get(m, m)} | ours÷peer" for m in peers_shown]
print("| " + " | ".join(hdr) + " |")
print("|" + "---|" * (3 + 2 * len(peers_shown)))
for ds, label, ours, pv, hib in rows:
    cells = [ds, label, fmt(ours)]
    for m in peers_shown:
        v = pv.get(m)
        ratio = "" if (v in (None, 0) or ours is None or v != v) else f" | {ours / v:.3g}×"
        cells.append(fmt(v) + (ratio or " | "))
    print("| " + " | ".join(cells) + " |")
print()
print("ratio = ours ÷ peer (for latency, train time and memory, lower is better; e.g. 0.004× = 250× faster).")
print(f"ours: {out}/*.json; peers: {res}" + (" (skipped)" if mode == "skip" else ""))
PY
