#!/usr/bin/env bash
# Starts a local PostgreSQL server for the store tests and prints, as the ONLY line on
# stdout, the SQLAlchemy URL to put in CANVAS_APP_TEST_PG_URL:
#
#     export CANVAS_APP_TEST_PG_URL="$(.ci/start_postgres.sh)"
#
# Runs as root on Debian/Ubuntu after `apt-get install -y postgresql` (postgresql-common's
# pg_lsclusters / pg_ctlcluster / pg_conftool). It does not need systemd: pg_ctlcluster
# starts the server itself when systemd is not running (and goes through systemctl when it
# is). Safe to run again: a running, already configured server is left as it is.
#
# The server listens only on 127.0.0.1 (TCP, password auth, from Debian's default
# pg_hba.conf). Settings (environment): CANVAS_PG_DB (default canvas_test) and
# CANVAS_PG_PASSWORD (default postgres; use URL-safe characters), the password given to
# the "postgres" role.
set -euo pipefail

# Everything but the final URL goes to stderr. fd 3 is the caller's $(...) pipe: the
# commands that start the server close it (3>&-), or the server daemon would inherit it and
# hold it open, and the caller's $(...) would wait for ever.
exec 3>&1 1>&2

DB="${CANVAS_PG_DB:-canvas_test}"
PASSWORD="${CANVAS_PG_PASSWORD:-postgres}"
LISTEN=127.0.0.1

die() { echo "start_postgres: $*" >&2; exit 1; }
say() { echo "start_postgres: $*" >&2; }

[ "$(id -u)" -eq 0 ] || die "must run as root (it starts the server as the postgres user)"
command -v pg_lsclusters >/dev/null || die "postgresql is not installed (apt-get install -y postgresql)"
[[ "$DB" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "CANVAS_PG_DB must be a plain identifier, not '$DB'"

first_cluster() { pg_lsclusters --no-header 2>/dev/null | head -n 1; }

cluster_line="$(first_cluster)"
if [ -z "$cluster_line" ]; then
    version="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null \
               | sort -V | tail -n 1)"
    [ -n "$version" ] || die "no PostgreSQL server found under /usr/lib/postgresql"
    say "creating cluster $version/main"
    pg_createcluster "$version" main >&2
    cluster_line="$(first_cluster)"
    [ -n "$cluster_line" ] || die "pg_createcluster did not create a cluster"
fi
read -r version cluster port status _ <<<"$cluster_line"
say "cluster $version/$cluster, port $port, $status"

# The socket directory lives in /run, which may be empty on a fresh boot or container.
install -d -o postgres -g postgres -m 2775 /var/run/postgresql

# A drop-in file (Debian's postgresql.conf ends with include_dir = 'conf.d') rather than an
# edit of postgresql.conf; rewritten, and the server restarted, only when it changes.
conf_dir="/etc/postgresql/$version/$cluster/conf.d"
drop_in="$conf_dir/zz-canvas-ci.conf"
wanted="listen_addresses = '$LISTEN'"
restart=no
if [ "$(cat "$drop_in" 2>/dev/null || true)" != "$wanted" ]; then
    say "writing $drop_in: $wanted"
    install -d -o postgres -g postgres -m 755 "$conf_dir"
    printf '%s\n' "$wanted" >"$drop_in"
    chown postgres:postgres "$drop_in"
    restart=yes
fi

if [ "$status" != "online" ]; then
    say "starting cluster $version/$cluster"
    pg_ctlcluster "$version" "$cluster" start >&2 3>&-
elif [ "$restart" = yes ]; then
    say "restarting cluster $version/$cluster to apply listen_addresses"
    pg_ctlcluster "$version" "$cluster" restart >&2 3>&-
fi

for _ in $(seq 1 60); do
    if pg_isready -q -h "$LISTEN" -p "$port"; then
        break
    fi
    sleep 0.5
done
pg_isready -q -h "$LISTEN" -p "$port" \
    || die "the server does not answer on $LISTEN:$port (see /var/log/postgresql/postgresql-$version-$cluster.log)"

as_postgres() { (cd / && runuser -u postgres -- "$@"); }

listening="$(as_postgres psql -X -qAt -p "$port" -d postgres -c "SHOW listen_addresses")"
[ "$listening" = "$LISTEN" ] \
    || die "the server listens on '$listening', not '$LISTEN': check the cluster's configuration"

# psql reads the statement from stdin so that :'pw' is expanded (and quoted) by psql.
echo "ALTER ROLE postgres WITH PASSWORD :'pw';" \
    | as_postgres psql -X -q -v ON_ERROR_STOP=1 -v pw="$PASSWORD" -p "$port" -d postgres >&2

exists="$(as_postgres psql -X -qAt -v ON_ERROR_STOP=1 -p "$port" -d postgres \
          -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [ "$exists" != "1" ]; then
    say "creating database $DB"
    as_postgres createdb -p "$port" "$DB" >&2
fi

echo "postgresql+psycopg://postgres:${PASSWORD}@${LISTEN}:${port}/${DB}" >&3
