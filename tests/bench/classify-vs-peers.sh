#!/usr/bin/env bash
# Topic classification beside the peers (../shared/peers/classify.py), one run on one machine: AG News (2,000 training
# rows, the official 7,600-row test set) and BBC News categories (title + text, the dataset's split).
# Usage: tests/bench/classify-vs-peers.sh [OUT_DIR]   (about 10 minutes on 2 cores; needs ../shared/peers/setup.sh once)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${CLASSIFIER_SHARED:-$root/../shared}
out=${1:-/tmp/classify-vs-peers}
ag=$shared/datasets/ag-news
bbc=$shared/datasets/bbc-news-summary/articles.jsonl
mkdir -p "$out"
dotnet publish -c Release "$root/src/Classifier.Cli" -o "$out/cli" > "$out/publish.log"

# One training run: its log, the winning candidate and the test-split table.
train() {
  local name=$1; shift
  echo "== classifier train $* (log: $out/$name.log)"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" "$out/cli/classifier" train "$@" --output "$out/$name" > "$out/$name.log" 2>&1
  grep -E "^\| (tfidf|ngrams|subwords) \|" "$out/$name.log"
  grep -A2 "^| rows | accuracy" "$out/$name.log" | tail -1
  tail -1 "$out/$name.log"
}

echo "## AG News: peers"
"$shared/peers/classify.py" --train "$ag/train.csv" --test "$ag/test.csv" --text Title,Description --label Label
echo "## AG News: classifier (cross-validation chooses among the candidates: featurizer x trainer x SVM penalty)"
train ag-news --data "$ag/train.csv" --test "$ag/test.csv" --text Title,Description --label Label \
  --featurizers tfidf,ngrams,subwords --trainers lbfgs,svm,perceptron
echo "## AG News: classifier, tfidf + svm alone (cross-validation chooses the penalty)"
train ag-news-svm --data "$ag/train.csv" --test "$ag/test.csv" --text Title,Description --label Label --featurizers tfidf --trainers svm

echo "## BBC categories: peers"
"$shared/peers/classify.py" --data "$bbc" --split-col split --text title,text --label category
echo "## BBC categories: classifier"
train bbc --data "$bbc" --split-col split --text title,text --label category --featurizers tfidf,subwords --trainers lbfgs,svm,perceptron
