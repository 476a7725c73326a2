# Spine Routine. The two commands of the README:
#   make run    set up, build and open the app with the default routine
#   make test   set up and run the whole test suite (what CI runs)
export PATH := $(PATH):/usr/local/go/bin:$(shell go env GOPATH 2>/dev/null || echo /root/go)/bin
export LANG ?= en_US.UTF-8

BIN := bin/spineroutine

.PHONY: run test build check unit e2e bench voices icon clean

run: build
	./$(BIN)

build:
	scripts/setup.sh build
	go build -o $(BIN) ./cmd/spineroutine

# test runs the static checks, then every Go test (unit, GUI and the
# end-to-end runs of the real binary under Xvfb and PulseAudio) with -race.
test:
	scripts/setup.sh test
	$(MAKE) --no-print-directory check unit

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	go vet ./...
	staticcheck ./...

unit:
	go test -race -timeout 20m ./...

# bench prints the performance figures of the README's Performance section.
bench: build
	scripts/bench.sh

voices:
	scripts/make-voices.sh

icon:
	scripts/make-icon.sh

clean:
	rm -rf bin
