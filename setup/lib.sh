# shellcheck shell=bash
# Shared steps of setup/run and setup/test: bring whatever is missing, then
# write .odoo/odoo.conf. Sourced, never run on its own.
#
# Variables (all optional):
#   ODOO_SRC     an Odoo 18.0 checkout to use (else .odoo/src, else a shallow clone)
#   ODOO_REPO    where that clone comes from (default: upstream odoo, branch 18.0)
#   PYTHON       the interpreter for .venv (default: python3.11, then python3)
#   PGHOST, PGPORT, PGUSER   a running PostgreSQL (default localhost:5432, current user)
#   CS_HTTP_PORT the port Odoo serves on (default 8069)
#   CS_DATA_DIR  Odoo's data_dir (default ~/.local/share/cs_suite)

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE="$ROOT/.odoo"
VENV="$ROOT/.venv"
CONF="$STATE/odoo.conf"
CS_MODULES="cs_service_dept,cs_credit_rating,cs_archive,cs_survey"
# Filestores live outside the clone, so a database outlives a fresh clone whole.
CS_DATA_DIR=${CS_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/cs_suite}
ODOO_REPO=${ODOO_REPO:-https://github.com/odoo/odoo.git}
mkdir -p "$STATE"

log() { printf '[setup] %s\n' "$*" >&2; }
die() {
    printf '[setup] ERROR: %s\n' "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" = 0 ]; }

deb_missing() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
    done
}

# 1. Debian packages: build headers for psycopg2/python-ldap, Chromium for the
#    browser tours, wkhtmltopdf for printed forms, CJK fonts for Chinese text.
ensure_system_packages() {
    command -v dpkg-query >/dev/null || {
        log "not a Debian system: make sure libpq, libldap2, libsasl2 headers, chromium and wkhtmltopdf are installed"
        return 0
    }
    local wanted=(build-essential libpq-dev libldap2-dev libsasl2-dev libxml2-dev libxslt1-dev
        libjpeg-dev zlib1g-dev chromium wkhtmltopdf fonts-noto-cjk git)
    local missing
    missing=$(deb_missing "${wanted[@]}" | xargs)
    [ -z "$missing" ] && return 0
    if is_root && command -v apt-get >/dev/null; then
        log "installing Debian packages: $missing"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        die "missing Debian packages: $missing (run: sudo apt-get install $missing)"
    fi
}

# 3. Odoo 18.0 source: $ODOO_SRC, else .odoo/src, else a shallow clone of 18.0.
ensure_odoo_src() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -x "$ODOO_SRC/odoo-bin" ] || die "ODOO_SRC=$ODOO_SRC holds no odoo-bin"
    elif [ -x "$STATE/src/odoo-bin" ]; then
        ODOO_SRC="$STATE/src"
    else
        log "cloning Odoo 18.0 into .odoo/src (set ODOO_SRC to use a checkout you have)"
        git clone --quiet --depth 1 --branch 18.0 "$ODOO_REPO" "$STATE/src" \
            || die "could not clone Odoo 18.0; set ODOO_SRC to an Odoo 18.0 checkout"
        ODOO_SRC="$STATE/src"
    fi
    ODOO_SRC=$(cd "$ODOO_SRC" && pwd)
    grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py" || die "$ODOO_SRC is not Odoo 18.0"
    export ODOO_SRC
}

pick_python() {
    local cand
    for cand in ${PYTHON:-} python3.11 python3.12 python3.10 python3; do
        if command -v "$cand" >/dev/null &&
            "$cand" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null; then
            echo "$cand"
            return
        fi
    done
    die "Odoo 18 needs Python 3.10 to 3.12 (3.11 recommended); set PYTHON"
}

# setuptools once the venv is built. Odoo 18.0's pinned requirements build only
# with setuptools<70 (setup/constraints.txt), but that pkg_resources cannot find
# distributions whose metadata uses normalized names (zope_interface-8.x.dist-info),
# and gevent 22.10 resolves its requirements through pkg_resources when it
# patches: the gevent worker of a --workers server died at start. 76 is the first
# that reads those names; 80 is the last whose pkg_resources only warns through a
# DeprecationWarning, which Odoo silences (later ones drop pkg_resources).
RUNTIME_SETUPTOOLS="setuptools==79.0.1"

# 2. The virtualenv: Odoo's requirements, Odoo itself (editable), then ours.
#    A stamp of the inputs (and of this recipe) makes a re-run with nothing
#    changed a no-op.
ensure_venv() {
    local stamp want
    want=$( (
        cat "$ROOT/requirements.txt" "$ROOT/setup/constraints.txt" "$ODOO_SRC/requirements.txt"
        declare -f ensure_venv
        echo "$RUNTIME_SETUPTOOLS"
    ) | sha256sum | cut -c1-16)-$(echo "$ODOO_SRC" | sha256sum | cut -c1-8)
    stamp="$VENV/.cs_suite_stamp"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$VENV/bin/python" ]; then
        return 0
    fi
    log "installing Python packages into .venv (first run takes a few minutes)"
    [ -x "$VENV/bin/python" ] || "$(pick_python)" -m venv "$VENV"
    export PIP_CONSTRAINT="$ROOT/setup/constraints.txt" PIP_DISABLE_PIP_VERSION_CHECK=1
    local pip=(pip_quiet "$VENV/bin/python" -m pip install --quiet)
    "${pip[@]}" "setuptools<70" wheel
    "${pip[@]}" -r "$ODOO_SRC/requirements.txt"
    "${pip[@]}" --no-build-isolation --no-deps -e "$ODOO_SRC"
    "${pip[@]}" -r "$ROOT/requirements.txt"
    # the build constraints end with the build
    PIP_CONSTRAINT="" "${pip[@]}" "$RUNTIME_SETUPTOOLS"
    "$VENV/bin/python" -c 'import pkg_resources; pkg_resources.require("gevent")' 2>/dev/null ||
        die "the venv's pkg_resources cannot resolve gevent's requirements"
    echo "$want" >"$stamp"
}

# pip, without the warnings some machines' extra index settings print per package
pip_quiet() {
    "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
}

find_pg_bin() {
    local tool=$1 dir
    if command -v "$tool" >/dev/null; then
        command -v "$tool"
        return
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/$tool" ] && {
            echo "$dir/$tool"
            return
        }
    done
    return 1
}

pg_answers() { psql -X -q -d postgres -c 'select 1' >/dev/null 2>&1; }

# 4. PostgreSQL: the server at $PGHOST:$PGPORT if it answers, else a private
#    cluster under .odoo/pgdata (run by a non-root user when we are root).
ensure_postgres() {
    export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)}
    command -v psql >/dev/null || {
        is_root && command -v apt-get >/dev/null && {
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        }
    }
    if pg_answers; then
        return 0
    fi
    local pgdata="$STATE/pgdata" sock="$STATE/pgrun" port=${CS_PRIVATE_PGPORT:-54329}
    local asked="$PGHOST:$PGPORT"
    export PGHOST="$sock" PGPORT="$port"
    if pg_answers; then
        return 0
    fi
    log "no PostgreSQL answers at $asked: starting a private cluster in .odoo/pgdata"
    local initdb pg_ctl
    initdb=$(find_pg_bin initdb) || {
        if is_root && command -v apt-get >/dev/null; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
            initdb=$(find_pg_bin initdb)
        else
            die "no PostgreSQL server answers and initdb is not installed (install postgresql, or set PGHOST/PGPORT)"
        fi
    }
    pg_ctl=$(find_pg_bin pg_ctl)
    mkdir -p "$sock"
    local as=()
    if is_root; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$pgdata" postgres
        chown postgres "$sock"
        as=(runuser -u postgres --)
    fi
    if [ ! -f "$pgdata/PG_VERSION" ]; then
        mkdir -p "$pgdata"
        is_root && chown postgres "$pgdata"
        "${as[@]}" "$initdb" -D "$pgdata" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    "${as[@]}" "$pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w start \
        -o "-k $sock -p $port -c listen_addresses=''" >/dev/null ||
        die "the private PostgreSQL cluster did not start: see .odoo/pgdata/server.log"
    psql -X -q -U postgres -d postgres -c "create role \"$PGUSER\" superuser login" >/dev/null 2>&1 || true
    pg_answers || die "PostgreSQL started but does not accept user $PGUSER"
}

# 5. The Odoo configuration file.
write_config() {
    local site
    site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    local addons="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$site/odoo/addons,$ROOT"
    cat >"$CONF.tmp" <<EOF
; generated by setup/: edit setup/lib.sh, not this file
[options]
addons_path = $addons
data_dir = $CS_DATA_DIR
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = False
http_port = ${CS_HTTP_PORT:-8069}
admin_passwd = ${CS_MASTER_PASSWORD:-admin}
list_db = True
EOF
    mv "$CONF.tmp" "$CONF"
}

filestore_dir() { echo "$CS_DATA_DIR/filestore/$1"; }

odoo_bin() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" "$@"; }

db_exists() { [ "$(psql -X -tAq -d postgres -c "select 1 from pg_database where datname = '$1'")" = 1 ]; }

setup_all() {
    ensure_system_packages
    ensure_odoo_src
    ensure_venv
    ensure_postgres
    write_config
}
