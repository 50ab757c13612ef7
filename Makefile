# lessongen. "make build" needs only Go; "make check-html" and the browser
# tests install what they need (Java, npm packages) on first use.
GO      ?= go
CONTENT ?= content
OUT     ?= public
VNU      = e2e/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: build tshark test race fuzz bench fonts check-html e2e e2e-full e2e-fixture lighthouse screenshots pictures clean

## build: build the sample site into public/
build:
	$(GO) run ./cmd/lessongen build --content $(CONTENT) --out $(OUT)

## tshark: install Wireshark's tshark, which the capture importer's tests are held against
tshark:
	command -v tshark >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tshark)

## test: vet, run every Go test (the PO tests need gettext's msgfmt, the capture tests tshark: both installed if missing), and lint the GitHub workflows
test: tshark
	command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(GO) vet ./...
	$(GO) test -timeout 30m ./...
	$(GO) tool actionlint

## race: run the Go tests with the race detector, less those that only build the whole sample site again (-short)
# Those took two thirds of CI's race run, and make test runs them; what runs
# concurrently (parallel builds, serve under load) is in the short tests.
race: tshark
	$(GO) test -race -short -timeout 40m ./...

## fuzz: run each fuzz target for FUZZTIME (default 20s)
# Go 1.26 can end a timed run with "context deadline exceeded" and no failing
# input (go.dev/issue/75804, fixed in Go 1.27): only a written input fails.
FUZZTIME ?= 20s
fuzz:
	@$(GO) list -f '{{.ImportPath}} {{.Dir}}' ./... | while read pkg dir; do \
	  for t in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go 2>/dev/null | sed 's/func //'); do \
	    echo "fuzz $$pkg $$t"; \
	    out=$$($(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) $$pkg 2>&1) && { echo "$$out" | tail -1; continue; }; \
	    if echo "$$out" | grep -q 'context deadline exceeded' && ! echo "$$out" | grep -q 'Failing input written'; then \
	      echo "$$t: Go's fuzztime race (go.dev/issue/75804), no failing input: not a failure"; \
	    else echo "$$out"; exit 1; fi; \
	  done; \
	done

## bench: run the Go benchmarks, then time lessongen, Hugo and cp -r on synthetic sites of 2,000, 8,000 and 32,000 step pages
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	command -v hugo >/dev/null || (apt-get update -qq && apt-get install -y -qq hugo) || echo "hugo is not installed: comparing with cp -r only"
	$(GO) run ./cmd/lessongen-bench compare -sizes 2000,8000,32000 -runs 3 -disks /dev/shm,/var/tmp

## fonts: rebuild the diagram web fonts and their advance widths (Debian: fonts-noto-core python3-fonttools)
fonts:
	/usr/bin/python3 generator/text/fontdata/build.py

## check-html: validate every page and SVG of public/ with the Nu HTML checker
check-html: $(VNU) build
	java -jar $(VNU) --errors-only --skip-non-html $(OUT)
	java -jar $(VNU) --errors-only --also-check-svg $$(find $(OUT) -name '*.svg' | sort | head -500)

## e2e: run the browser tests (node --test e2e/) and Lighthouse against public/ in Debian's headless Chromium; the slow sweeps visit a sample of each scene's steps
e2e: e2e/node_modules/.installed build e2e-fixture
	node --test e2e/
	node e2e/lighthouse.mjs

## e2e-full: the browser tests with every sweep over every page of every language
e2e-full: e2e/node_modules/.installed build e2e-fixture
	E2E_FULL=1 node --test e2e/
	node e2e/lighthouse.mjs

## e2e-fixture: build the browser tests' own site (e2e/fixture/content) into public-fixture/
e2e-fixture:
	$(GO) run ./cmd/lessongen build --quiet --content e2e/fixture/content --out public-fixture

## lighthouse: print a step page's four Lighthouse scores; fails below 0.95
lighthouse: e2e/node_modules/.installed build
	node e2e/lighthouse.mjs

## screenshots: rewrite the README's step page screenshots in docs/
screenshots: e2e/node_modules/.installed build
	UPDATE_SCREENSHOTS=1 node --test e2e/screenshots.test.mjs

## pictures: redraw the README's pictures of the diagram constructs (docs/constructs/*.png) from the scenes beside them
pictures: e2e/node_modules/.installed
	node e2e/pictures.mjs

$(VNU): e2e/node_modules/.installed
	command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless)

e2e/node_modules/.installed: e2e/package.json e2e/package-lock.json
	test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium fonts-noto-core fonts-noto-cjk)
	command -v rsvg-convert >/dev/null || (apt-get update -qq && apt-get install -y -qq librsvg2-bin)
	cd e2e && npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(OUT) public-fixture
