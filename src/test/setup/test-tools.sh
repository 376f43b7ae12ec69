#!/usr/bin/env bash
# Run by Maven before the tests (pom.xml, execution "test-tools"): makes sure the programs the tests drive are
# installed — Debian's Chromium and ChromeDriver (browser journeys), pgbench from PostgreSQL 15's server package
# (the benchmark's smoke run compares with it) and docker-compose (validates docker-compose.yml; no Docker engine
# is needed). Installs what is missing with apt-get when it may (root, or password-less sudo); otherwise it stops
# at once and names the command to run. Nothing is skipped silently.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/lib/postgresql/15/bin/pgbench ] || missing+=(postgresql-15)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)

if [ ${#missing[@]} -eq 0 ]; then
  echo "[test-tools] Chromium, ChromeDriver, pgbench and docker-compose are installed."
  exit 0
fi

install=(apt-get install -y -qq --no-install-recommends "${missing[@]}")
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "[test-tools] The tests need ${missing[*]}, which are not installed and cannot be installed from here." >&2
  echo "[test-tools] On Debian 12, install them as root, then run the tests again:" >&2
  echo "[test-tools]   apt-get update && ${install[*]}" >&2
  exit 1
fi

echo "[test-tools] Installing ${missing[*]} with apt-get (Debian packages) …"
started=$(date +%s)
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
for tool in /usr/bin/chromium /usr/bin/chromedriver /usr/lib/postgresql/15/bin/pgbench "$(command -v docker-compose || echo docker-compose)"; do
  [ -x "$tool" ] || { echo "[test-tools] $tool is still missing after the installation." >&2; exit 1; }
done
echo "[test-tools] Installed in $(( $(date +%s) - started )) s."
