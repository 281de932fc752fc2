#!/usr/bin/env bash
# System packages the browser tests need, on Debian/Ubuntu: Chromium (driven by
# Playwright from /usr/bin/chromium) and Node.js with npm (for axe-core); for
# several instances (`make cluster`, tests/cluster) PostgreSQL, whose server
# programs scripts/cluster/cluster.py runs itself, and HAProxy.
# Idempotent: installs only what is missing; run it as root (CI does).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-system-deps: chromium, npm, postgresql and haproxy are installed; nothing to do."
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-system-deps: missing ${missing[*]}; run as root:" >&2
    echo "    sudo $0" >&2
    echo "or install them yourself: apt-get install -y ${missing[*]}" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: no apt-get here; install ${missing[*]} yourself." >&2
    exit 1
fi

echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}"
