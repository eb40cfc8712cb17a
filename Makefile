# dossier: the README's commands.
#   make assets  npm ci, then copy the pinned front-end files into web/assets/vendor/
#   make build   the dossier binary (with the assets embedded)
#   make demo    assets + build + `dossier demo` (extracts the demo corpus, opens the workbench)
#   make test    assets + scripts/test.sh + the browser tests (needs /usr/bin/chromium)
.PHONY: assets build demo test browser-test

GO ?= go
BIN ?= ./dossier

assets: node_modules/.package-lock.json
	node web/scripts/copy-assets.mjs

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

build: assets
	$(GO) build -o $(BIN) ./cmd/dossier

demo: build
	$(BIN) demo

test: build
	scripts/test.sh
	DOSSIER_BIN=$(BIN) node --test web/browser/

browser-test: build
	DOSSIER_BIN=$(BIN) node --test web/browser/
