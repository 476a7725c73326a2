#!/usr/bin/env bash
# Installs what building (and, with "test", testing) Spine Routine needs on
# Debian: the C libraries Fyne and beep compile against, a Go able to build
# go.mod's version, the programs the end-to-end tests drive, and the Go tools
# the Makefile runs. Skips apt when every package is present; without root it
# prints what is missing.
#
#   scripts/setup.sh build    packages to build and run the app, Go, the fyne tool
#   scripts/setup.sh test     the above, plus the test tools and staticcheck
#   scripts/setup.sh windows  the above for build, plus the mingw-w64 cross compiler
#   scripts/setup.sh notices  the above for build, plus what "make notices" reads:
#                             go-licenses and the voice's Debian copyright files
#   scripts/setup.sh go-env   print "GODIR GOTOOLCHAIN GOBIN" for the Makefile
#                             (the newest Go found; nothing when there is none)
#
# Go: the newest of the go on PATH, /usr/local/go and Debian's /usr/lib/go-*
# is used. When it is older than go.mod's "go" line but at least 1.21,
# GOTOOLCHAIN=go<version>+auto makes it fetch that toolchain through the
# module proxy (whatever GOTOOLCHAIN the machine sets). When there is no such
# Go (Debian 12 ships 1.19), golang-1.23 is installed from bookworm-backports.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-build}

# Pinned Go tools, installed into $(go env GOPATH)/bin.
fyne_tool=fyne.io/tools/cmd/fyne@v1.7.4
staticcheck_tool=honnef.co/go/tools/cmd/staticcheck@v0.8.2

# cgo + OpenGL + X11 + Wayland for Fyne, ALSA for beep's speaker; xz for the
# tarball of "make package".
build_pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev libwayland-dev wayland-protocols
  libasound2-dev xz-utils)
# A private X display and sound server for the end-to-end tests, the voice
# synthesisers (Festival with the CMU SLT HTS voice, espeak-ng), the tools
# that look at what was drawn and heard (pocketsphinx recognizes the spoken
# prompts), the validators of the installed desktop entry and AppStream
# metainfo, time (/usr/bin/time: bench.sh's peak memory of the log
# command) and poppler-utils (pdftotext, pdftoppm and pdfinfo read the
# report's PDF back), the Noto fonts (the report prints notes in any
# script with the system's fonts: the tests check Greek, Cyrillic, Japanese,
# Arabic, Hebrew and Devanagari), and Wine (wine64) with the mingw-w64
# cross compiler (the Windows build is run under Wine:
# cmd/spineroutine/wine_test.go). Tesseract's German, Spanish and French
# read the translated window (cmd/spineroutine/e2e_lang_test.go).
test_pkgs=(xvfb pulseaudio pulseaudio-utils libasound2-plugins espeak-ng festival
  festvox-us-slt-hts sox xdotool imagemagick tesseract-ocr tesseract-ocr-deu
  tesseract-ocr-spa tesseract-ocr-fra pocketsphinx pocketsphinx-en-us
  desktop-file-utils appstream time poppler-utils dbus-daemon playerctl fonts-noto-core fonts-noto-cjk
  wine64 gcc-mingw-w64-x86-64)
# The cross compiler of "make windows".
windows_pkgs=(gcc-mingw-w64-x86-64)
# "make notices" copies the copyright files of the voices, of Festival and
# of espeak-ng.
notices_pkgs=(festival festvox-us-slt-hts espeak-ng-data)

# The Go version go.mod needs ("1.24" reads as the release go1.24.0).
need=$(awk '$1 == "go" { print $2; exit }' go.mod)
need_toolchain=go$need
[[ $need =~ ^[0-9]+\.[0-9]+$ ]] && need_toolchain=go$need.0
# Debian's Go to install when none is usable: bookworm-backports has it.
debian_go=golang-1.23
# The oldest Go that can fetch a newer toolchain by itself (GOTOOLCHAIN).
switching_go=1.21

# version_ge A B: whether Go version A >= B (both without the "go" prefix).
version_ge() {
  [[ $(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1) == "$2" ]]
}

# go_version GO: the version of the go binary GO ("1.23.4"), as it is, with
# no toolchain switch.
go_version() {
  (cd / && GOTOOLCHAIN=local "$1" version 2>/dev/null) | awk '{ sub(/^go/, "", $3); print $3 }'
}

# find_go sets go_bin and go_ver to the newest Go on the machine (empty when
# there is none).
find_go() {
  go_bin='' go_ver=''
  local c v
  for c in "$(command -v go || true)" /usr/local/go/bin/go /usr/lib/go-*/bin/go; do
    [[ -x $c ]] || continue
    v=$(go_version "$c")
    [[ -n $v ]] || continue
    if [[ -z $go_ver ]] || ! version_ge "$go_ver" "$v"; then
      go_bin=$c go_ver=$v
    fi
  done
}

# go_toolchain prints the GOTOOLCHAIN to build with the Go found: the
# machine's own setting when that Go is recent enough, else go.mod's version.
go_toolchain() {
  if version_ge "$go_ver" "$need"; then
    (cd / && "$go_bin" env GOTOOLCHAIN)
  else
    echo "$need_toolchain+auto"
  fi
}

if [[ $mode == go-env ]]; then
  find_go
  if [[ -n $go_bin ]]; then
    echo "$(dirname "$go_bin") $(go_toolchain) $("$go_bin" env GOPATH)/bin"
  fi
  exit 0
fi

# apt_install PKG...: installs the packages (root only; apt may be busy).
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$@"
}

pkgs=("${build_pkgs[@]}")
[[ $mode == test ]] && pkgs+=("${test_pkgs[@]}")
[[ $mode == windows ]] && pkgs+=("${windows_pkgs[@]}")
[[ $mode == notices ]] && pkgs+=("${notices_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

# Go itself.
find_go
if [[ -z $go_bin ]] || ! version_ge "$go_ver" "$switching_go"; then
  found=${go_ver:+Go $go_ver is too old}
  echo "setup: ${found:-no Go found}; Go >= $switching_go is needed to build Go $need"
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: as root, enable bookworm-backports and run: apt-get install -t bookworm-backports $debian_go" >&2
    exit 1
  fi
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "setup: enabling bookworm-backports"
    cat >/etc/apt/sources.list.d/bookworm-backports.sources <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  fi
  echo "setup: installing $debian_go from bookworm-backports"
  apt_install -t bookworm-backports "$debian_go"
  find_go
fi
toolchain=$(go_toolchain)
export PATH=$(dirname "$go_bin"):$PATH GOTOOLCHAIN=$toolchain
echo "setup: Go $go_ver at $go_bin, GOTOOLCHAIN=$toolchain ($(go version | awk '{ print $3 }') builds go.mod's go $need)"

# install_tool PKG@VERSION CHECK...: go install unless CHECK (a command run
# with the installed tool's path first) succeeds.
install_tool() {
  local tool=$1 bin
  bin=$(go env GOPATH)/bin/$(basename "${tool%@*}")
  shift
  if [[ -x $bin ]] && "$bin" "$@" 2>/dev/null | grep -qF "${tool#*@v}"; then
    return
  fi
  echo "setup: installing $tool"
  GOFLAGS= go install "$tool"
}

# install_licenses_tool: go install of go-licenses at the version
# scripts/notices/go.mod pins (a module of its own: its dependencies are
# pinned by its go.sum), unless that version is installed.
install_licenses_tool() {
  local mod=github.com/google/go-licenses/v2 bin version
  bin=$(go env GOPATH)/bin/go-licenses
  version=$(go -C scripts/notices list -m -f '{{.Version}}' "$mod")
  if [[ -x $bin ]] && go version -m "$bin" 2>/dev/null | grep -qE "^[[:space:]]+mod[[:space:]]+$mod[[:space:]]+$version[[:space:]]"; then
    return
  fi
  echo "setup: installing $mod@$version"
  GOFLAGS= go -C scripts/notices install "$mod"
}

install_tool "$fyne_tool" version
[[ $mode == test ]] && install_tool "$staticcheck_tool" -version
[[ $mode == test || $mode == notices ]] && install_licenses_tool
# The licence test (assets/notices_test.go) lists the Windows build's
# packages too, offline: fetch every module go.mod requires, not only
# those the Linux build and the tests use.
[[ $mode == test ]] && go mod download
echo "setup: ok ($mode)"
