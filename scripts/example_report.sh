#!/usr/bin/env bash
# Regenerates the example report under docs/ from the bundled example reports (invented
# incidents, see examples/articles/README.md): docs/example-report.md, .html, .pdf (A4), the
# Ukrainian Markdown docs/example-report.uk.md, and PNGs of every PDF page.
# Needs Debian's chromium (PDF) and poppler-utils (PNG): apt-get install chromium poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p litopys
bin=target/release/litopys
work=$(mktemp -d)
db="$work/example.db"
# a month of reports with their web or Telegram addresses, one per line (JSON Lines)
"$bin" ingest --db "$db" examples/month/march-2026.jsonl
# plain-text reports with no public address: cited by name, without a link
"$bin" ingest --db "$db" --published 2026-04-01 examples/articles/monthly-review.en.txt
"$bin" ingest --db "$db" --published 2026-03-15 examples/articles/kharkiv-post.uk.txt
"$bin" ingest --db "$db" --published 2026-03-20 examples/articles/mines-post.ru.txt
args=(--db "$db" --from 2026-03-01 --to 2026-03-31 --title "Resistance to mobilization and labour unrest: March 2026 (example)")
"$bin" report "${args[@]}" --format md -o docs/example-report.md
"$bin" report --db "$db" --from 2026-03-01 --to 2026-03-31 --lang uk --title "Опір мобілізації і трудові протести: березень 2026 (приклад)" --format md -o docs/example-report.uk.md
"$bin" report "${args[@]}" --format html -o docs/example-report.html
"$bin" report "${args[@]}" --format pdf -o docs/example-report.pdf
rm -f docs/example-report-page*.png
pdftoppm -png -r 70 docs/example-report.pdf "$work/page"
for f in "$work"/page-*.png; do
  n=$(basename "$f" .png); n=${n#page-}; n=$((10#$n))
  cp "$f" "docs/example-report-page$n.png"
done
rm -rf "$work"
echo "wrote docs/example-report.{md,uk.md,html,pdf} and docs/example-report-page*.png"
