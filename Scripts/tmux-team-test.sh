#!/usr/bin/env bash
# Two assessors and a lead on one review at the same time, in real terminals (tmux), dual blind
# screening (issue #13): ann and bob each screen in their own tmux window, alternating key
# presses; then a lead resolves a conflict in the Conflicts view. Checks: no vote lost (every key
# press is one decide event for its assessor), blindness (bob's screens never name ann, and the
# reverse), the conflicts `tarsier conflicts` lists are exactly the records whose two votes differ,
# the κ `export --what agreement` reports is the one computed here from the votes, and the lead's
# key is one resolve event.
#
# With TEAM_ACCOUNTS=1, run as root: the three run as real Unix accounts (tarsier-ann,
# tarsier-bob, tarsier-lee, created if missing) in one group, the review in a setgid
# group-writable folder created with `init --shared`, each under `umask 002`, as
# Documentation/TeamScreening.md describes for a shared server. Otherwise all three run as the
# current user. Usage: Scripts/tmux-team-test.sh  (needs tmux, python3; about 30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${TARSIER_BIN:-$(swift build --show-bin-path)/tarsier}"
work="$(mktemp -d)"
SOCK="tarsier-team-$$"
T=(tmux -L "$SOCK" -f /dev/null)
trap '"${T[@]}" kill-server 2>/dev/null || true; [[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT
accounts="${TEAM_ACCOUNTS:-0}"
dir="$work/reviews"
if [[ "$accounts" == 1 ]]; then
  [[ $(id -u) == 0 ]] || { echo "TEAM_ACCOUNTS=1 needs root (to create the accounts)" >&2; exit 1; }
  getent group tarsier-team >/dev/null || groupadd tarsier-team
  for who in ann bob lee; do
    id "tarsier-$who" >/dev/null 2>&1 || useradd -M -N -g tarsier-team -s /bin/bash "tarsier-$who"
  done
  chmod 755 "$work"
  install -d -m 2775 -g tarsier-team "$dir"
  # The binary must be reachable by the accounts.
  install -m 755 "$bin" "$work/tarsier"; bin="$work/tarsier"
  run_as() { local who="$1"; shift; echo "su tarsier-$who -s /bin/bash -c 'umask 002; $*'"; }
  name() { echo "tarsier-$1"; }
else
  mkdir -p "$dir"
  run_as() { shift; echo "$*"; }
  name() { echo "tarsier-$1"; }
fi
review="$dir/team.tarsier"
"$bin" init "$review" --topic sample-reviews/virus-metagenomics/topic.json --mode dual --shared >/dev/null
"$bin" import "$review" sample-reviews/virus-metagenomics/kwok-2020-embase.ris --quiet >/dev/null
[[ "$accounts" == 1 ]] && chgrp tarsier-team "$review"

capture() { "${T[@]}" capture-pane -p -t "$1"; }
wait_for() {  # wait_for WINDOW TEXT
  local deadline=$((SECONDS + 30))
  until capture "$1" | grep -qF -- "$2"; do
    if ((SECONDS > deadline)); then echo "FAIL: $1 never showed: $2" >&2; capture "$1" >&2; exit 1; fi
    sleep 0.05
  done
}
screen_cmd() {  # screen_cmd WHO EXTRA
  run_as "$1" "TERM=xterm LC_ALL=C.UTF-8 $bin screen $review --as $(name "$1") --ranker tfidf-lr --no-embed $2"
}
"${T[@]}" new-session -d -s team -n ann -x 100 -y 30 "$(screen_cmd ann '')"
"${T[@]}" set-option -g remain-on-exit on
"${T[@]}" new-window -t team -n bob "$(screen_cmd bob '')"
# A new review shows a record once its first ranking is ready (the selected row's ▶).
wait_for team:ann "▶"
wait_for team:bob "▶"
ann_keys=(i e i e i e i i)
bob_keys=(e e i i i e e i)
: > "$work/ann.screens"; : > "$work/bob.screens"
for k in $(seq 0 $((${#ann_keys[@]} - 1))); do
  before=$("$bin" export "$review" --what decisions --format jsonl | grep -c '"decide"' || true)
  "${T[@]}" send-keys -t team:ann "${ann_keys[$k]}"
  "${T[@]}" send-keys -t team:bob "${bob_keys[$k]}"
  # Both decisions durable before the next keys.
  for _ in $(seq 400); do
    now=$("$bin" export "$review" --what decisions --format jsonl | grep -c '"decide"' || true)
    ((now >= before + 2)) && break; sleep 0.05
  done
  sleep 0.2
  capture team:ann >> "$work/ann.screens"
  capture team:bob >> "$work/bob.screens"
done
"${T[@]}" send-keys -t team:ann q
"${T[@]}" send-keys -t team:bob q
sleep 1
if grep -qF "$(name ann)" "$work/bob.screens"; then echo "FAIL: bob's screen named ann ($work)" >&2; grep -F "$(name ann)" "$work/bob.screens" | head -5 >&2; exit 1; fi
if grep -qF "$(name bob)" "$work/ann.screens"; then echo "FAIL: ann's screen named bob" >&2; exit 1; fi

# The lead resolves the first conflict in the Conflicts view.
conflicts_before=$("$bin" conflicts "$review" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["entries"]))')
"${T[@]}" new-window -t team -n lee "$(screen_cmd lee --lead)"
wait_for team:lee "▶"
"${T[@]}" send-keys -t team:lee 4
wait_for team:lee "Conflicts"
if ((conflicts_before > 0)); then
  wait_for team:lee " include "
  "${T[@]}" send-keys -t team:lee i
  wait_for team:lee "resolved as include"
fi
capture team:lee > "$work/lee.screen"
"${T[@]}" send-keys -t team:lee q
sleep 0.5

"$bin" export "$review" --what decisions --format jsonl > "$work/log.jsonl"
"$bin" conflicts "$review" --json > "$work/conflicts.json"
"$bin" export "$review" --what agreement --format json > "$work/agreement.json"
python3 - "$work" "$(name ann)" "$(name bob)" "$(name lee)" "${#ann_keys[@]}" "$conflicts_before" <<'PY'
import json, sys
work, ann, bob, lee, presses, before = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
events = [json.loads(l) for l in open(f"{work}/log.jsonl")]
decides = [e for e in events if e["kind"] == "decide"]
for who in (ann, bob):
    n = sum(e["assessor"] == who for e in decides)
    assert n == presses, f"{who}: {n} decide events for {presses} key presses"
votes = {}
for e in decides:
    votes.setdefault(e["record_id"], {})[e["assessor"]] = e["label"]
both = {r: v for r, v in votes.items() if ann in v and bob in v}
disagree = sorted(r for r, v in both.items() if v[ann] != v[bob])
resolves = [e for e in events if e["kind"] == "resolve"]
assert len(resolves) == (1 if before else 0) and all(e["assessor"] == lee for e in resolves), resolves
left = sorted(str(c["recordID"]) for c in json.load(open(f"{work}/conflicts.json"))["entries"])
assert before == len(disagree), (before, disagree)
assert left == sorted(set(disagree) - {e["record_id"] for e in resolves}), (left, disagree)
# Cohen's kappa from the votes, include vs exclude.
n = len(both)
po = sum(v[ann] == v[bob] for v in both.values()) / n
pa = sum(v[ann] == "include" for v in both.values()) / n
pb = sum(v[bob] == "include" for v in both.values()) / n
pe = pa * pb + (1 - pa) * (1 - pb)
kappa = (po - pe) / (1 - pe) if pe < 1 else None
row = next(r for r in json.load(open(f"{work}/agreement.json"))["rows"] if r["scope"] == "all")
reported = row["pair"]["statistics"]["kappa"]
assert row["pair"]["statistics"]["records"] == n, (row["pair"]["statistics"]["records"], n)
assert kappa is None and reported is None or abs(reported - kappa) < 1e-9, (reported, kappa)
print(f"ok: {presses}+{presses} votes kept, {len(both)} records voted by both, {len(disagree)} conflicts, "
      f"kappa {kappa:.3f} as reported, blind screens, {len(resolves)} resolved by the lead")
PY
if [[ "$accounts" == 1 ]]; then
  for f in "$review"*; do echo "  $(stat -c '%U:%G %a' "$f") $(basename "$f")"; done
fi
