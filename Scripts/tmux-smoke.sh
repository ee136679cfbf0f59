#!/usr/bin/env bash
# Real-terminal smoke test of the screening UI (facts: ../shared/docs/toolchain-notes.md §2).
#
#   TARSIER_CMD="$(swift build --show-bin-path)/tarsier screen my.tarsier" Scripts/tmux-smoke.sh
#
# Starts the command in a private tmux server at 80×24 (LC_ALL=C.UTF-8, no user config), then:
#   1. waits for the first frame (status line "screened") and its first record (▶), presses i,
#      waits for "1/…";
#   2. resizes to 100×30 and checks the selected row (▶) is still drawn;
#   3. opens help (?) and closes it with Esc within 500 ms (ESCDELAY is short);
#   4. quits with q and checks exit status 0 and a restored terminal;
#   5. starts again and sends C-c, checking the process exits and restores the terminal.
# Screens are written to $OUT (default: a temp dir) for diffing against snapshots.
set -euo pipefail
: "${TARSIER_CMD:?set TARSIER_CMD to the screen command to run}"
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
SOCK="${TMUX_SOCKET:-tarsier-smoke-$$}"
T=(tmux -L "$SOCK" -f /dev/null)
trap '"${T[@]}" kill-server 2>/dev/null || true' EXIT

wait_for() {  # wait_for TEXT [TIMEOUT_SECONDS]
  local deadline=$((SECONDS + ${2:-10}))
  until "${T[@]}" capture-pane -p | grep -qF -- "$1"; do
    if ((SECONDS > deadline)); then
      echo "FAIL: timed out waiting for: $1" >&2
      "${T[@]}" capture-pane -p >&2
      exit 1
    fi
    sleep 0.05
  done
}

start() {
  rm -f "$OUT/exit-status"
  # The exit status is written by a wrapping shell: tmux 3.3a sometimes marks a pane dead without
  # recording its status, so #{pane_dead_status} alone is not reliable.
  "${T[@]}" new-session -d -x 80 -y 24 -e LC_ALL=C.UTF-8 "$TARSIER_CMD; echo \$? > $OUT/exit-status"
  "${T[@]}" set-option -g remain-on-exit on
  wait_for "screened"
  # A review never ranked shows its first record (the selected row's ▶) once the first ranking
  # is ready; a key pressed before that finds no record (and says so).
  wait_for "▶"
}

exit_status() {  # prints "1 STATUS" once the program has exited, "0 " before
  if [[ -s "$OUT/exit-status" ]]; then echo "1 $(cat "$OUT/exit-status")"; else echo "0 "; fi
}

start
"${T[@]}" capture-pane -p >"$OUT/first80x24.txt"
"${T[@]}" send-keys i
wait_for " 1/"
"${T[@]}" resize-window -x 100 -y 30
sleep 0.3
"${T[@]}" capture-pane -p | grep -qF "▶" || { echo "FAIL: selection lost after resize" >&2; exit 1; }
"${T[@]}" capture-pane -p >"$OUT/afterResize100x30.txt"
"${T[@]}" send-keys '?'
wait_for "Keys"
"${T[@]}" send-keys Escape
begin=$(date +%s%N)
while "${T[@]}" capture-pane -p | grep -qF "┌─ Keys"; do sleep 0.01; done
elapsed=$((($(date +%s%N) - begin) / 1000000))
((elapsed < 500)) || { echo "FAIL: Esc took ${elapsed} ms" >&2; exit 1; }
"${T[@]}" send-keys q
# Wait for the exit status itself: tmux can report the pane dead a moment before its status.
for _ in $(seq 300); do [[ $(exit_status) =~ ^1\ [0-9]+ ]] && break; sleep 0.05; done
[[ $(exit_status) == "1 0" ]] || { echo "FAIL: q exit status $(exit_status)" >&2; exit 1; }
"${T[@]}" kill-server

start
"${T[@]}" send-keys C-c
for _ in $(seq 300); do [[ $(exit_status) == 1\ * ]] && break; sleep 0.05; done
for _ in $(seq 300); do [[ $(exit_status) =~ ^1\ [0-9]+ ]] && break; sleep 0.05; done
[[ $(exit_status) == "1 130" ]] || { echo "FAIL: C-c did not end the program with status 130: $(exit_status)" >&2; exit 1; }
echo "ok: smoke passed (screens in $OUT, Esc closed help in ${elapsed} ms)"
