#!/usr/bin/env bash
# Generates the queue announcement clips in resources/sounds/ (16 kHz, mono, 16-bit WAV):
# one clip per entry of CLIP_SPEECH in src/shared/queue/announcement.ts, spoken by
# espeak-ng's Vietnamese voice, plus a synthetic two-tone chime made with sox.
# Offline and deterministic (no dither), so re-running it yields the same files.
#
# Usage: scripts/make-voice-clips.sh [voice]   (voice: vi | vi-vn-x-central | vi-vn-x-south)
set -euo pipefail

cd "$(dirname "$0")/.."
VOICE="${1:-vi}"
SPEED="${ESPEAK_SPEED:-140}"
OUT=resources/sounds
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

command -v espeak-ng >/dev/null || { echo "espeak-ng is required" >&2; exit 1; }
command -v sox >/dev/null || { echo "sox is required" >&2; exit 1; }
mkdir -p "$OUT"

# The clip table lives in TypeScript; bundle that one module and print it as TSV so this
# script never keeps a second copy of the words.
npx --no-install esbuild src/shared/queue/announcement.ts --bundle --format=cjs --platform=neutral --log-level=error \
  --outfile="$TMP/announcement.cjs"
node -e '
  const { CLIP_SPEECH } = require(process.argv[1]);
  for (const [name, text] of Object.entries(CLIP_SPEECH)) if (text !== null) console.log(name + "\t" + text);
' "$TMP/announcement.cjs" >"$TMP/clips.tsv"

# 16 kHz mono 16-bit, no dither; trim leading/trailing silence, normalise, keep a short pad
# so clips played back to back sound like one sentence.
SOX_OUT=(-D -r 16000 -c 1 -b 16)

count=0
while IFS=$'\t' read -r name text; do
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$TMP/raw.wav" "$text"
  sox "$TMP/raw.wav" "${SOX_OUT[@]}" "$OUT/$name.wav" \
    silence 1 0.01 0.3% reverse silence 1 0.01 0.3% reverse \
    norm -1 pad 0.02 0.06
  count=$((count + 1))
done <"$TMP/clips.tsv"

# Chime: "ding" (A5) then "dong" (F5), sine with a bell-like harmonic and a decaying tail.
sox -n "${SOX_OUT[@]}" "$TMP/ding.wav" synth 0.55 sine 880 sine 1760 remix 1v0.8,2v0.2 fade l 0.005 0.55 0.5
sox -n "${SOX_OUT[@]}" "$TMP/dong.wav" synth 0.9 sine 698.46 sine 1396.91 remix 1v0.8,2v0.2 fade l 0.005 0.9 0.85
sox "$TMP/ding.wav" "$TMP/dong.wav" "${SOX_OUT[@]}" "$OUT/chime.wav" norm -3 pad 0 0.15
count=$((count + 1))

echo "Wrote $count clips to $OUT ($(du -sh "$OUT" | cut -f1))"
