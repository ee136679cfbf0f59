#!/usr/bin/env bash
# Part of the README's test command: `make install` into a temporary prefix gives a working
# `tarsier` on the PATH, `man tarsier` and the three completion scripts; `make uninstall` removes
# exactly what was installed and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
touch "$prefix/keep-me"   # a file that is not ours: uninstall must leave it
make -s install PREFIX="$prefix" BIN="${TARSIER_BIN:-$(swift build --show-bin-path)/tarsier}" >/dev/null
for f in bin/tarsier share/man/man1/tarsier.1 share/bash-completion/completions/tarsier \
         share/zsh/site-functions/_tarsier share/fish/vendor_completions.d/tarsier.fish; do
  [ -s "$prefix/$f" ] || { echo "FAIL: make install did not write $f" >&2; exit 1; }
done
PATH="$prefix/bin:$PATH" tarsier --version >/dev/null
PATH="$prefix/bin:$PATH" tarsier --help | grep -q "simulate" || { echo "FAIL: installed tarsier --help" >&2; exit 1; }
MANPATH="$prefix/share/man" man -P cat tarsier 2>/dev/null | grep -q "tarsier" \
  || { echo "FAIL: man tarsier does not show the installed page" >&2; exit 1; }
grep -q "complete" "$prefix/share/bash-completion/completions/tarsier" || { echo "FAIL: bash completion" >&2; exit 1; }
grep -q "#compdef tarsier" "$prefix/share/zsh/site-functions/_tarsier" || { echo "FAIL: zsh completion" >&2; exit 1; }
grep -q "complete -c 'tarsier'" "$prefix/share/fish/vendor_completions.d/tarsier.fish" || { echo "FAIL: fish completion" >&2; exit 1; }
make -s uninstall PREFIX="$prefix" >/dev/null
left="$(cd "$prefix" && find . -type f | sort)"
[ "$left" = "./keep-me" ] || { echo "FAIL: make uninstall left or removed files: $left" >&2; exit 1; }
echo "ok: make install puts tarsier, its man page and bash/zsh/fish completions in place; make uninstall removes exactly them"
