#!/usr/bin/env bash
# Load benchmark of the HTTP service with wrk (apt-get install -y wrk): starts a Release `classifier serve` on
# loopback, runs each workload for DURATION seconds (16 connections; tag also with one), prints wrk's latency
# distribution (p50, p99) and requests/s, and stops the service. wrk prints "Non-2xx or 3xx responses" if any failed.
# Usage (from the repository root): tests/load/run.sh [DURATION] [PORT]
set -euo pipefail
duration=${1:-30}
port=${2:-5080}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build "$root/src/Classifier.Cli" -c Release -v quiet -nologo >/dev/null
"$root/src/Classifier.Cli/bin/Release/net10.0/classifier" serve --urls "http://127.0.0.1:$port" --models "$root/models" &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

article="$root/docs/examples/gallium-recycling-2026.txt"
python3 - "$article" "$work" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
json.dump({"text": text, "options": {"highlights": 3}}, open(f"{sys.argv[2]}/summarize.json", "w"))
json.dump({"mode": "summarize", "items": [{"id": str(i), "text": text} for i in range(8)]}, open(f"{sys.argv[2]}/batch8.json", "w"))
PY

# Warm-up: JIT and the prediction-engine pools.
wrk -t2 -c16 -d5s -s "$root/tests/load/wrk-post.lua" "http://127.0.0.1:$port/v1/tag" -- "$article" >/dev/null

echo "## POST /v1/tag, one connection (latency without queueing)"
wrk -t1 -c1 -d"${duration}s" --timeout 30s --latency -s "$root/tests/load/wrk-post.lua" "http://127.0.0.1:$port/v1/tag" -- "$article"
echo "## POST /v1/tag (text/plain, $(wc -c <"$article") bytes)"
wrk -t2 -c16 -d"${duration}s" --timeout 30s --latency -s "$root/tests/load/wrk-post.lua" "http://127.0.0.1:$port/v1/tag" -- "$article"
echo "## POST /v1/summarize (JSON)"
wrk -t2 -c16 -d"${duration}s" --timeout 30s --latency -s "$root/tests/load/wrk-post.lua" "http://127.0.0.1:$port/v1/summarize" -- "$work/summarize.json" application/json
echo "## POST /v1/batch (8 articles, summarize)"
wrk -t2 -c16 -d"${duration}s" --timeout 30s --latency -s "$root/tests/load/wrk-post.lua" "http://127.0.0.1:$port/v1/batch" -- "$work/batch8.json" application/json
