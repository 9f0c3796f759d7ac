#!/bin/sh
# Entry point of edm-postgres (sandbox): on first start creates the cluster with the user, password and
# database from POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB (like the official image), then runs
# postgres as the postgres user in the foreground.
set -eu
: "${POSTGRES_USER:=edm}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
PGDATA=${PGDATA:-/var/lib/postgresql/data}
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

mkdir -p "$PGDATA" /var/run/postgresql
chown -R postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"

# A cluster is complete only once this marker exists: an init that was interrupted (container killed
# half-way) leaves PG_VERSION behind and would otherwise be started, and fail, forever.
marker="$PGDATA/.edm-initialised"
if [ -s "$PGDATA/PG_VERSION" ] && [ ! -e "$marker" ]; then
    echo "edm-postgres: $PGDATA holds an incomplete cluster (interrupted init); initialising it again"
    find "$PGDATA" -mindepth 1 -delete
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    echo "edm-postgres: initialising database cluster in $PGDATA"
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
    chown postgres "$pwfile"
    as_postgres initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C >/dev/null
    rm -f "$pwfile"
    # Containers on the bridge network and the published port (via the docker proxy) log in with a password.
    echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
    echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
    if [ "$POSTGRES_DB" != "postgres" ]; then
        echo "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\";" \
            | as_postgres postgres --single -D "$PGDATA" -j postgres >/dev/null
    fi
    touch "$marker"
    echo "edm-postgres: created user $POSTGRES_USER and database $POSTGRES_DB"
fi
# PostgreSQL needs these (empty) directories; some copy and backup tools drop empty directories.
for d in pg_notify pg_serial pg_snapshots pg_twophase pg_replslot pg_tblspc pg_stat pg_stat_tmp pg_commit_ts \
         pg_dynshmem pg_logical/snapshots pg_logical/mappings; do
    as_postgres mkdir -p "$PGDATA/$d"
done
exec setpriv --reuid=postgres --regid=postgres --init-groups postgres -D "$PGDATA"
