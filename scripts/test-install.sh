#!/usr/bin/env bash
# Tests scripts/install.sh: installs the debug build (built first, `--build`) into a temporary
# DESTDIR and checks the result: every file in place with its mode, the unit's Exec lines and
# Documentation rewritten for the prefix, the installed `qadam --help` and `qadamd --help` (and
# `qadamd --check-config` on the installed config), the man pages through man (or groff), the units through `systemd-analyze verify`, the bash
# completion through `bash -n`, the norms catalogue found beside the installed binary, a second
# install keeping an edited qadamd.toml (writing qadamd.toml.new), and --uninstall.
# Exits 1 with the failed checks listed; tools that are missing (man/groff, systemd-analyze)
# skip their check with a message.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

prefix=/usr/local
sysconf=/etc
root=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$root" "$work"' EXIT

failed=()
fail() { echo "test-install: FAIL: $*" >&2; failed+=("$*"); }
ok() { echo "test-install: ok: $*"; }

run_install() {
    DESTDIR=$root PREFIX=$prefix SYSCONFDIR=$sysconf CONFIGURATION=debug scripts/install.sh "$@"
}

echo "test-install: installing into $root (PREFIX=$prefix, CONFIGURATION=debug)"
if ! run_install --build > "$work/install1.log" 2> "$work/install1.err"; then
    cat "$work/install1.err" "$work/install1.log" >&2
    echo "test-install: FAIL: scripts/install.sh exited non-zero" >&2
    exit 1
fi
sed 's/^/    /' "$work/install1.log"

# 1. Every file, with its mode.
expected=(
    "755 $prefix/bin/qadam"
    "755 $prefix/bin/qadamd"
    "644 $prefix/share/man/man1/qadam.1.gz"
    "644 $prefix/share/man/man1/qadamd.1.gz"
    "644 $prefix/lib/systemd/system/qadamd.service"
    "644 $prefix/lib/systemd/system/qadamd.socket"
    "644 $prefix/lib/sysusers.d/qadam.conf"
    "644 $sysconf/qadam/qadamd.toml"
    "644 $prefix/share/qadam/norms/default.json"
    "644 $prefix/share/qadam/facts/population_totals.csv"
    "644 $prefix/share/qadam/scenarios/almaty-school-seat-deficit.json"
    "644 $prefix/share/doc/qadam/protocol.md"
    "644 $prefix/share/doc/qadam/cli.md"
    "644 $prefix/share/doc/qadam/README.md"
    "644 $prefix/share/doc/qadam/NOTICE"
)
for tool in qadam qadamd; do
    expected+=("644 $prefix/share/bash-completion/completions/$tool"
               "644 $prefix/share/zsh/site-functions/_$tool"
               "644 $prefix/share/fish/vendor_completions.d/$tool.fish")
done
missing=0
for entry in "${expected[@]}"; do
    mode=${entry%% *} path=${entry#* }
    if [ ! -f "$root$path" ]; then
        fail "$path not installed"; missing=1
    elif [ "$(stat -c %a "$root$path")" != "$mode" ]; then
        fail "$path has mode $(stat -c %a "$root$path"), expected $mode"; missing=1
    elif [ ! -s "$root$path" ]; then
        fail "$path is empty"; missing=1
    fi
done
[ $missing = 0 ] && ok "${#expected[@]} files installed with the right modes"

# 2. The unit runs the installed binary (every Exec line) with the installed config, and
#    documents itself there.
unit=$root$prefix/lib/systemd/system/qadamd.service
if ! grep -qx "ExecStart=$prefix/bin/qadamd --config $sysconf/qadam/qadamd.toml" "$unit"; then
    fail "qadamd.service: ExecStart is '$(grep '^ExecStart=' "$unit")', expected $prefix/bin/qadamd --config $sysconf/qadam/qadamd.toml"
elif grep -E '^Exec[A-Za-z]*=' "$unit" | grep qadamd | grep -Ev "=[-@:+!]*$prefix/bin/qadamd( |\$)" > "$work/exec.bad"; then
    fail "qadamd.service: not the installed binary: $(cat "$work/exec.bad")"
elif grep -q /usr/bin/qadamd "$unit"; then
    fail "qadamd.service still names /usr/bin/qadamd"
else
    ok "ExecStart=$prefix/bin/qadamd --config $sysconf/qadam/qadamd.toml (and every Exec line)"
fi
doc=$(sed -n 's|^Documentation=file:||p' "$unit")
if [ -n "$doc" ] && [ -f "$root$doc" ]; then ok "Documentation=file:$doc is installed"
else fail "qadamd.service: Documentation=file:$doc is not an installed file"; fi

# 3. The installed binaries run (from /, away from the repository).
for tool in qadam qadamd; do
    if (cd / && "$root$prefix/bin/$tool" --help) > "$work/$tool.help" 2>&1 \
        && grep -q "USAGE: $tool" "$work/$tool.help"; then
        ok "installed $tool --help"
    else
        fail "installed $tool --help failed: $(head -3 "$work/$tool.help")"
    fi
done

# 3b. The installed qadamd accepts the installed config, when it can check one.
conf=$root$sysconf/qadam/qadamd.toml
if grep -q -- --check-config "$work/qadamd.help"; then
    if out=$(cd / && "$root$prefix/bin/qadamd" --check-config "$conf" 2>&1); then
        ok "installed qadamd --check-config $sysconf/qadam/qadamd.toml"
    else
        fail "installed qadamd --check-config $sysconf/qadam/qadamd.toml: $out"
    fi
fi

# 4. The installed qadam finds the installed norms catalogue (<bin>/../share/qadam/norms).
printf 'id,name,lon,lat,population\ns1,Test,76.9,43.2,1000\n' > "$work/settlements.csv"
norms=$root$prefix/share/qadam/norms/default.json
if ! (cd / && "$root$prefix/bin/qadam" import "$work/settlements.csv" --dataset "$work/ds.sqlite" \
        --layer settlements) > "$work/import.log" 2>&1; then
    fail "installed qadam import of a one-row dataset failed: $(tail -3 "$work/import.log")"
elif (cd / && env -u QADAM_NORMS "$root$prefix/bin/qadam" info --dataset "$work/ds.sqlite" --format json) \
        > "$work/info.json" 2>&1 && grep -qF "\"norms\" : \"$norms\"" "$work/info.json"; then
    ok "installed qadam finds $prefix/share/qadam/norms/default.json beside itself"
else
    fail "installed qadam did not use $norms: $(grep norms "$work/info.json" || head -3 "$work/info.json")"
fi

# 5. The man pages format.
for tool in qadam qadamd; do
    page=$root$prefix/share/man/man1/$tool.1.gz
    if command -v man >/dev/null 2>&1; then
        formatter="man -l"
        MANPAGER=cat PAGER=cat MANWIDTH=80 man -l "$page" > "$work/$tool.man" 2> "$work/$tool.man.err" || true
    elif command -v groff >/dev/null 2>&1; then
        formatter="groff -man -Tutf8"
        zcat "$page" | groff -man -Tutf8 > "$work/$tool.man" 2> "$work/$tool.man.err" || true
    else
        echo "test-install: neither man nor groff installed; man page check skipped"
        break
    fi
    if [ -s "$work/$tool.man.err" ]; then
        fail "$formatter $tool.1.gz: $(head -3 "$work/$tool.man.err")"
    elif grep -q "$tool" "$work/$tool.man" && [ "$(wc -l < "$work/$tool.man")" -gt 10 ]; then
        ok "$formatter $tool.1.gz ($(wc -l < "$work/$tool.man") lines)"
    else
        fail "$formatter $tool.1.gz printed no manual"
    fi
done

# 6. The installed units pass systemd-analyze verify (as scripts/verify-units.sh does: the
#    qadam user is root here, and the Exec lines run the binary under DESTDIR).
if command -v systemd-analyze >/dev/null 2>&1; then
    mkdir "$work/units"
    sed -e "s|$prefix/bin/qadamd|$root$prefix/bin/qadamd|g" \
        -e 's|^User=qadam|User=root|' -e 's|^Group=qadam|Group=root|' \
        "$unit" > "$work/units/qadamd.service"
    sed -e 's|^SocketUser=qadam|SocketUser=root|' -e 's|^SocketGroup=qadam|SocketGroup=root|' \
        "$root$prefix/lib/systemd/system/qadamd.socket" > "$work/units/qadamd.socket"
    if out=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no \
            "$work/units/qadamd.socket" "$work/units/qadamd.service" 2>&1) && ! grep -q qadamd <<< "$out"; then
        ok "systemd-analyze verify on the installed units"
    else
        fail "systemd-analyze verify on the installed units: $out"
    fi
else
    echo "test-install: systemd-analyze not installed; unit check skipped"
fi

# 7. The completions parse.
for tool in qadam qadamd; do
    if err=$(bash -n "$root$prefix/share/bash-completion/completions/$tool" 2>&1); then
        ok "bash -n on the $tool bash completion"
    else
        fail "bash -n on the $tool bash completion: $err"
    fi
    if command -v zsh >/dev/null 2>&1; then
        zsh -n "$root$prefix/share/zsh/site-functions/_$tool" || fail "zsh -n on _$tool"
    fi
    if command -v fish >/dev/null 2>&1; then
        fish -n "$root$prefix/share/fish/vendor_completions.d/$tool.fish" || fail "fish -n on $tool.fish"
    fi
done

# 8. A second install keeps the admin's edited config and writes the shipped one as .new.
cp "$conf" "$work/shipped.toml"
echo 'dataset = "/srv/edited-by-admin.qadam"' >> "$conf"
cp "$conf" "$work/edited.toml"
if ! run_install > "$work/install2.log" 2> "$work/install2.err"; then
    fail "second install exited non-zero: $(tail -3 "$work/install2.err")"
elif ! cmp -s "$conf" "$work/edited.toml"; then
    fail "second install overwrote the edited $sysconf/qadam/qadamd.toml"
elif ! cmp -s "$conf.new" "$work/shipped.toml"; then
    fail "second install did not write the shipped config as $sysconf/qadam/qadamd.toml.new"
elif ! grep -q "qadamd.toml.new" "$work/install2.log"; then
    fail "second install did not say it wrote qadamd.toml.new"
else
    ok "second install kept the edited qadamd.toml and wrote qadamd.toml.new"
fi

# 9. --uninstall removes everything but the configuration.
if ! run_install --uninstall > "$work/uninstall.log" 2>&1; then
    fail "--uninstall exited non-zero: $(tail -3 "$work/uninstall.log")"
elif left=$(find "$root$prefix" -type f | sed "s|^$root||") && [ -n "$left" ]; then
    fail "--uninstall left: $left"
elif [ ! -f "$conf" ]; then
    fail "--uninstall removed $sysconf/qadam/qadamd.toml"
else
    ok "--uninstall removed the installed files and kept $sysconf/qadam"
fi

if [ ${#failed[@]} -gt 0 ]; then
    echo "test-install: ${#failed[@]} check(s) failed:" >&2
    printf '  - %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "test-install: all checks passed"
