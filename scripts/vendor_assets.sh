#!/usr/bin/env bash
# Refreshes the front-end libraries the web app embeds (crates/server/assets/vendor/) from npm.
# Needs node/npm and network; the result is committed, so building never needs either.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=${LEAFLET:-leaflet@1.9.4}
CLUSTER=${CLUSTER:-leaflet.markercluster@1.5.3}
out=crates/server/assets/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$LEAFLET" "$CLUSTER" >/dev/null)
mkdir -p "$tmp/leaflet" "$tmp/cluster" "$out/images"
tar xzf "$tmp"/leaflet-1*.tgz -C "$tmp/leaflet"
tar xzf "$tmp"/leaflet.markercluster-*.tgz -C "$tmp/cluster"
cp "$tmp/leaflet/package/dist/leaflet.js" "$tmp/leaflet/package/dist/leaflet.css" "$out/"
cp "$tmp/leaflet/package/dist/images/"*.png "$out/images/"
cp "$tmp/leaflet/package/LICENSE" "$out/LICENSE.leaflet"
cp "$tmp/cluster/package/dist/leaflet.markercluster.js" "$tmp/cluster/package/dist/MarkerCluster.css" \
   "$tmp/cluster/package/dist/MarkerCluster.Default.css" "$out/"
cp "$tmp/cluster/package/MIT-LICENCE.txt" "$out/LICENSE.markercluster"
sed -i "/sourceMappingURL/d" "$out/leaflet.js" "$out/leaflet.markercluster.js"
chmod 644 "$out"/* "$out"/images/*
echo "vendored $LEAFLET and $CLUSTER into $out"
