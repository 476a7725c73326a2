# Spine Routine. The two commands of the README:
#   make run    set up, build and open the app with the default routine
#   make test   set up and run the whole test suite (what CI runs)
# and those that install it as a desktop app (README "Install, uninstall, reminders"):
#   make package          build/spineroutine-VERSION-linux-ARCH.tar.xz, as "fyne package" makes it
#   make install          PREFIX (/usr/local) and DESTDIR as usual; make uninstall
#   make user-install     into ~/.local; make user-uninstall
#   make windows          bin/spineroutine.exe, cross-compiled with mingw-w64
#   make notices          assets/NOTICES, the third-party licences, from the module graph
#
# Each command first runs scripts/setup.sh (Debian packages, Go, the fyne tool),
# then a sub-make that picks up the Go set-up may just have installed.

# Go: the newest on the machine first, with the GOTOOLCHAIN that builds
# go.mod's version, and the Go tools' directory (scripts/setup.sh go-env).
goenv := $(shell scripts/setup.sh go-env)
ifneq ($(goenv),)
export PATH := $(word 1,$(goenv)):$(PATH):$(word 3,$(goenv))
export GOTOOLCHAIN := $(word 2,$(goenv))
endif
export LANG ?= en_US.UTF-8

# The app's metadata; FyneApp.toml is its one source.
fyneapp = $(shell sed -nE 's/^[[:space:]]*$(1)[[:space:]]*=[[:space:]]*"?([^"]*)"?[[:space:]]*$$/\1/p' FyneApp.toml | head -n1)
APP_ID := $(call fyneapp,ID)
APP_NAME := $(call fyneapp,Name)
APP_VERSION := $(call fyneapp,Version)

BIN := bin/spineroutine
STAGE := build/spineroutine
TARBALL = build/spineroutine-$(APP_VERSION)-linux-$(shell go env GOARCH).tar.xz

.PHONY: run test build bin check check-install unit e2e bench voices icon notices clean \
	package stage install uninstall user-install user-uninstall windows windows-exe

run: build
	./$(BIN)

build:
	scripts/setup.sh build
	$(MAKE) --no-print-directory bin

# bin builds the binary as "fyne build" does: FyneApp.toml's metadata
# (name, ID, version, build, icon) compiled in, and its migration tags.
bin:
	scripts/fyne.sh build -o $(CURDIR)/$(BIN)

# test runs the static checks, the install check, then every Go test (unit,
# GUI and the end-to-end runs of the real binary under Xvfb and PulseAudio)
# with -race, then fuzzes the report's text (any Unicode) for a short while.
test:
	scripts/setup.sh test
	$(MAKE) --no-print-directory check unit

check: check-install
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	go vet ./...
	GOOS=windows go vet ./internal/journal/
	staticcheck ./...

# check-install installs the package into a temporary directory, validates
# its desktop entry and AppStream metainfo, then installs it for a user (a
# temporary HOME) as the tarball's "make user-install" does and checks that
# the menu entry runs the installed binary, which reports FyneApp.toml's
# version, and that the licence and notices are installed.
check-install: stage
	@dest=$$(mktemp -d) && trap 'rm -rf "$$dest"' EXIT && set -e && \
	$(MAKE) --no-print-directory -C $(STAGE) install DESTDIR=$$dest PREFIX=/usr >/dev/null && \
	desktop-file-validate $$dest/usr/share/applications/$(APP_ID).desktop && \
	appstreamcli validate --no-net --explain $$dest/usr/share/metainfo/$(APP_ID).metainfo.xml && \
	mkdir -p $$dest/home/.cache && \
	$(MAKE) --no-print-directory -C $(STAGE) user-install HOME=$$dest/home >/dev/null && \
	entry=$$dest/home/.local/share/applications/$(APP_ID).desktop && \
	desktop-file-validate $$entry && \
	exe=$$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' $$entry) && \
	version=$$(env -u DISPLAY -u WAYLAND_DISPLAY HOME=$$dest/home $$exe --version) && \
	echo "check-install: $$exe --version: $$version" && \
	case "$$exe:$$version" in $$dest/home/.local/bin/spineroutine:*" $(APP_VERSION) "*) ;; \
	  *) echo "check-install: the menu entry does not run the installed $(APP_VERSION)" >&2; exit 1;; esac && \
	test -f $$dest/home/.local/share/icons/hicolor/scalable/apps/$(APP_ID).svg && \
	cmp LICENSE $$dest/home/.local/share/doc/spineroutine/LICENSE && \
	cmp assets/NOTICES $$dest/home/.local/share/doc/spineroutine/NOTICES && \
	echo "check-install: desktop entry and metainfo valid, user install runs"

unit:
	go test -race -timeout 20m ./...
	go test -run='^$$' -fuzz=FuzzDraw -fuzztime=15s ./internal/pdftext/
	go test -run='^$$' -fuzz=FuzzReport -fuzztime=15s ./internal/report/

# bench prints the performance figures of the README's Performance section.
bench: build
	scripts/bench.sh

voices:
	scripts/make-voices.sh

icon:
	scripts/make-icon.sh

# notices regenerates assets/NOTICES (commit it): the licence of every Go
# module linked into the binary (go-licenses), of the fonts Fyne embeds and
# of the voice clips. The tests check the committed file against go.sum
# and never run this.
notices:
	scripts/setup.sh notices
	scripts/make-notices.sh

package:
	scripts/setup.sh build
	$(MAKE) --no-print-directory stage
	tar -C build -cJf $(TARBALL) spineroutine
	@echo "package: $(TARBALL)"

# stage lays out in build/spineroutine what the package installs: the binary
# and desktop entry that "fyne install" makes (built as "make bin" builds),
# the hicolor icons, the AppStream metainfo, the licence and third-party
# notices (share/doc/spineroutine), and the Makefile that installs them
# (assets/linux/Makefile).
stage:
	rm -rf build/fyne $(STAGE) && mkdir -p build/fyne
	scripts/fyne.sh install --dst $(CURDIR)/build/fyne
	usr=$$(dirname "$$(find build/fyne -path '*/bin/spineroutine')")/.. && \
	install -Dm755 $$usr/bin/spineroutine $(STAGE)/bin/spineroutine && \
	install -Dm644 $$usr/share/applications/$(APP_ID).desktop $(STAGE)/share/applications/$(APP_ID).desktop
	for png in assets/linux/icons/*.png; do \
	  size=$$(basename $$png .png); \
	  install -Dm644 $$png $(STAGE)/share/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png || exit 1; \
	done
	install -Dm644 assets/icon.svg $(STAGE)/share/icons/hicolor/scalable/apps/$(APP_ID).svg
	install -Dm644 assets/linux/$(APP_ID).metainfo.xml $(STAGE)/share/metainfo/$(APP_ID).metainfo.xml
	install -Dm644 LICENSE $(STAGE)/share/doc/spineroutine/LICENSE
	install -Dm644 assets/NOTICES $(STAGE)/share/doc/spineroutine/NOTICES
	install -Dm644 assets/linux/Makefile $(STAGE)/Makefile
	rm -rf build/fyne

install:
	scripts/setup.sh build
	$(MAKE) --no-print-directory stage
	$(MAKE) --no-print-directory -C $(STAGE) install

uninstall:
	$(MAKE) --no-print-directory -f assets/linux/Makefile uninstall APP_ID=$(APP_ID)

user-install:
	scripts/setup.sh build
	$(MAKE) --no-print-directory stage
	$(MAKE) --no-print-directory -C $(STAGE) user-install

user-uninstall:
	$(MAKE) --no-print-directory -f assets/linux/Makefile user-uninstall APP_ID=$(APP_ID)

# windows cross-compiles bin/spineroutine.exe with mingw-w64 as "fyne package
# -os windows" makes it: a GUI-subsystem program (-H windowsgui) with the
# icon, version and manifest of FyneApp.toml in a .syso.
windows:
	scripts/setup.sh windows
	$(MAKE) --no-print-directory windows-exe

windows-exe:
	CC=x86_64-w64-mingw32-gcc GOARCH=amd64 scripts/fyne.sh package -os windows
	mkdir -p bin && mv "cmd/spineroutine/$(APP_NAME).exe" bin/spineroutine.exe
	@echo "windows: bin/spineroutine.exe"

clean:
	rm -rf bin build
