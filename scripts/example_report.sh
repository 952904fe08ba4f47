#!/usr/bin/env bash
# Regenerates the example report under docs/ from the bundled example reports:
# docs/example-report.md, .html, .pdf and a PNG of the PDF's first page.
# Needs Debian's chromium (PDF) and poppler-utils (PNG): apt-get install chromium poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/litopys
work=$(mktemp -d)
db="$work/example.db"
"$bin" ingest --db "$db" --published 2026-04-01 examples/articles/monthly-review.en.txt
"$bin" ingest --db "$db" --published 2026-03-15 examples/articles/kharkiv-post.uk.txt
"$bin" ingest --db "$db" --published 2026-03-20 examples/articles/mines-post.ru.txt
args=(--db "$db" --from 2026-03-01 --to 2026-03-31 --group-by oblast --title "Resistance to mobilization and labour unrest: March 2026 (example)")
"$bin" report "${args[@]}" --format md -o docs/example-report.md
"$bin" report "${args[@]}" --format html -o docs/example-report.html
"$bin" report "${args[@]}" --format pdf -o docs/example-report.pdf
pdftoppm -png -r 70 docs/example-report.pdf "$work/page"
cp "$work"/page-1.png docs/example-report-page1.png
[ -f "$work/page-2.png" ] && cp "$work"/page-2.png docs/example-report-page2.png
rm -rf "$work"
echo "wrote docs/example-report.{md,html,pdf} and docs/example-report-page*.png"
