# Shared setup for scripts/demo and scripts/test. Sourced, not run.

PYTHON="${PYTHON:-python3}"

ensure_venv() {
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "nghiquyet cần Python 3.11 trở lên (đang có: $("$PYTHON" --version 2>&1))." >&2
    exit 1
  fi
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
  fi
  # Re-install only when the dependency list changed since the last install.
  local stamp=.venv/.nghiquyet-installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev,browser]'
    touch "$stamp"
  fi
}

# Debian packages the product and its tests use: Chromium for the browser tests,
# LibreOffice (Writer) and fonts for PDF reports. Installed when missing and we can.
# fonts-liberation2: Liberation Serif 2.x, metric-compatible with Times New Roman and,
# unlike Debian's fonts-liberation 1.07, with every Vietnamese letter.

ensure_system_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  [ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
  [ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  # nghiquyet backup/restore on PostgreSQL (pg_dump, pg_restore)
  command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Cài gói hệ thống: ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Thiếu gói hệ thống: ${missing[*]} (các phép thử cần chúng sẽ được bỏ qua)." >&2
  fi
}
