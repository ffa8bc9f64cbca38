#!/bin/sh
# Installs qadam and qadamd where Debian conventions expect them (the layout is in
# docs/development.md, "Installing"). Usage:
#   scripts/install.sh [--build] [--uninstall]
# Settings (environment variables):
#   DESTDIR         staging root prepended to every path (default: empty, i.e. the real system)
#   PREFIX          default /usr/local (a Debian package would use /usr)
#   SYSCONFDIR      default /etc; the config goes to $SYSCONFDIR/qadam/qadamd.toml
#   CONFIGURATION   release (default) or debug: which .build/<configuration>/ binaries to install
#   BINDIR          default $PREFIX/bin
# The binaries are built (`swift build -c $CONFIGURATION --product qadam`, then qadamd) only when
# .build/$CONFIGURATION/ lacks them, or always with --build. The man pages are always written
# afresh by scripts/generate-manpage.sh (swift-argument-parser's generate-manual plugin, which
# builds the package in $CONFIGURATION first). An existing $SYSCONFDIR/qadam/qadamd.toml is never
# overwritten: the shipped one goes beside it as qadamd.toml.new.
# --uninstall removes what an install put in place, except the files under $SYSCONFDIR/qadam.
set -eu
cd "$(dirname "$0")/.."

DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/usr/local}
SYSCONFDIR=${SYSCONFDIR:-/etc}
CONFIGURATION=${CONFIGURATION:-release}
BINDIR=${BINDIR:-$PREFIX/bin}
datadir=$PREFIX/share
docdir=$datadir/doc/qadam
mandir=$datadir/man/man1
unitdir=$PREFIX/lib/systemd/system
confdir=$SYSCONFDIR/qadam

action=install
build=no
for arg in "$@"; do
    case $arg in
        --build) build=yes ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument '$arg' (try --help)" >&2; exit 1 ;;
    esac
done
case $CONFIGURATION in
    release|debug) ;;
    *) echo "install.sh: CONFIGURATION must be release or debug, not '$CONFIGURATION'" >&2; exit 1 ;;
esac
case $PREFIX$SYSCONFDIR$BINDIR in
    *'|'*) echo "install.sh: paths must not contain '|'" >&2; exit 1 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# put MODE SOURCE PATH: install SOURCE as $DESTDIR/PATH (or remove it with --uninstall).
put() {
    if [ "$action" = install ]; then
        install -D -m "$1" "$2" "$DESTDIR$3"
        echo "  $1 $DESTDIR$3"
    elif [ -e "$DESTDIR$3" ]; then
        rm -f "$DESTDIR$3"
        echo "  removed $DESTDIR$3"
    fi
}

tools="qadam qadamd"
built=.build/$CONFIGURATION
if [ "$action" = install ]; then
    for tool in $tools; do
        if [ "$build" = yes ] || [ ! -x "$built/$tool" ]; then
            echo "building $tool ($CONFIGURATION)" >&2
            swift build -c "$CONFIGURATION" --product "$tool" >&2
        fi
    done
    echo "writing the man pages (scripts/generate-manpage.sh)" >&2
    CONFIGURATION=$CONFIGURATION scripts/generate-manpage.sh "$work/man" >&2
    for tool in $tools; do
        # A blank line in the help text becomes a blank line in the mdoc source, which man
        # warns about (lintian too); .Pp is mdoc's paragraph break. Literal displays keep theirs.
        awk '/^\.Bd/ { lit = 1 } /^\.Ed/ { lit = 0 } /^$/ && !lit { print ".Pp"; next } { print }' \
            "$work/man/$tool.1" > "$work/$tool.1"
        gzip -9n < "$work/$tool.1" > "$work/man/$tool.1.gz"
        for shell in bash zsh fish; do
            "$built/$tool" --generate-completion-script "$shell" > "$work/$tool.$shell"
        done
    done
    # The shipped files name the Debian package's paths; point them at this installation.
    sed -e "s|/usr/bin/qadamd|$BINDIR/qadamd|g" \
        -e "s|/etc/qadam/qadamd.toml|$confdir/qadamd.toml|g" \
        -e "s|^Documentation=file:/usr/share/doc/qadam/|Documentation=file:$docdir/|" \
        systemd/qadamd.service > "$work/qadamd.service"
    sed -e "s|/etc/qadam/qadamd.toml|$confdir/qadamd.toml|g" \
        -e "s|/usr/share/qadam/norms/default.json|$datadir/qadam/norms/default.json|g" \
        systemd/qadamd.toml > "$work/qadamd.toml"
    echo "installing into ${DESTDIR:-/} (PREFIX=$PREFIX, SYSCONFDIR=$SYSCONFDIR, $CONFIGURATION build):"
else
    echo "removing from ${DESTDIR:-/} (PREFIX=$PREFIX, SYSCONFDIR=$SYSCONFDIR):"
fi

for tool in $tools; do
    put 0755 "$built/$tool" "$BINDIR/$tool"
    put 0644 "$work/man/$tool.1.gz" "$mandir/$tool.1.gz"
    put 0644 "$work/$tool.bash" "$datadir/bash-completion/completions/$tool"
    put 0644 "$work/$tool.zsh" "$datadir/zsh/site-functions/_$tool"
    put 0644 "$work/$tool.fish" "$datadir/fish/vendor_completions.d/$tool.fish"
done
put 0644 "$work/qadamd.service" "$unitdir/qadamd.service"
put 0644 systemd/qadamd.socket "$unitdir/qadamd.socket"
put 0644 systemd/qadam.sysusers "$PREFIX/lib/sysusers.d/qadam.conf"
put 0644 geodata/norms/default.json "$datadir/qadam/norms/default.json"
# The facts and scenarios `qadam classify` and `qadam scenario` read (found there with PREFIX=/usr).
for f in geodata/facts/* geodata/scenarios/*; do
    put 0644 "$f" "$datadir/qadam/${f#geodata/}"
done
for f in docs/protocol.md docs/cli.md README.md NOTICE; do
    put 0644 "$f" "$docdir/${f##*/}"
done

if [ "$action" = uninstall ]; then
    for d in "$datadir/qadam/norms" "$datadir/qadam/facts" "$datadir/qadam/scenarios" "$datadir/qadam" "$docdir"; do
        rmdir "$DESTDIR$d" 2>/dev/null || true
    done
    echo "left in place: $DESTDIR$confdir (configuration; remove it by hand if unwanted)"
    exit 0
fi

# Configuration: an admin's file is never overwritten.
conf=$DESTDIR$confdir/qadamd.toml
if [ ! -e "$conf" ]; then
    put 0644 "$work/qadamd.toml" "$confdir/qadamd.toml"
elif cmp -s "$work/qadamd.toml" "$conf"; then
    echo "  kept $conf (same as the shipped one)"
else
    put 0644 "$work/qadamd.toml" "$confdir/qadamd.toml.new"
    echo "  NOTE: $conf exists and differs from the shipped one; kept it, and installed the new"
    echo "        default as $conf.new: compare them (diff $conf $conf.new) and merge by hand."
fi

if [ -z "$DESTDIR" ]; then
    echo "next: systemd-sysusers; systemctl daemon-reload; systemctl enable --now qadamd.socket"
fi
