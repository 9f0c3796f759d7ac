#!/usr/bin/env bash
# Backup benchmark (on demand, not part of mvn verify). Needs the host PostgreSQL (.ci/run starts it),
# pgbench, GNU time, and a built tree (mvn -o package -DskipTests).
#   bench/backup.sh [SCALE]     SCALE for pgbench -i (default 70 ≈ 1 GB of database)
# Generates the database once (kept between runs), then in the same run on the same data:
#   baseline  pg_dump (plain) | gzip > file
#   native    pg_dump -Fc > file            (what edm-console runs, without encryption)
#   console   edm-console backup db         (pg_dump -Fc streamed through AES-256-GCM, fsync, manifest)
#   verify    edm-console backup verify     (sha256, decrypt, pg_restore --list)
# and prints seconds, MB/s of database size, the ratio console/baseline and the console's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-70}
DB=edm_bench USER_=edm_bench PW=bench-$(date +%s)-pw
WORK=$(mktemp -d /tmp/edm-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

psql_su() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_su -d postgres -c "DROP ROLE IF EXISTS $USER_" 2>/dev/null || true
if ! psql_su -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    echo "== generating $DB with pgbench -i -s $SCALE (once)"
    psql_su -d postgres -c "CREATE DATABASE $DB"
    runuser -u postgres -- pgbench -i -q -s "$SCALE" "$DB" >/dev/null
fi
psql_su -d postgres -c "DROP ROLE IF EXISTS $USER_" -c "CREATE ROLE $USER_ LOGIN PASSWORD '$PW'" \
    -c "GRANT pg_read_all_data TO $USER_"
SIZE=$(psql_su -d "$DB" -Atc "SELECT pg_database_size('$DB')")
echo "database $DB: $((SIZE / 1024 / 1024)) MiB"

mkdir -p "$WORK/project/keys"
printf 'DATABASE_URL=postgresql://%s:%s@127.0.0.1:5432/%s\n' "$USER_" "$PW" "$DB" > "$WORK/project/.env.production"
cat > "$WORK/project/edm-console.yml" <<YML
projectDir: $WORK/project
backups:
  databaseMode: host
  publicKey: keys/edm-backup.pub.pem
  privateKey: keys/edm-backup.pem
YML
CONSOLE="java -Xmx256m -cp target/classes:target/lib/* edm.console.app.Main --lang en"
$CONSOLE backup keygen --out "$WORK/project/keys" >/dev/null

export PGPASSWORD=$PW
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
secs() { local s=$(date +%s.%N); "$@"; echo "$(date +%s.%N) - $s" | bc; }

psql_su -d "$DB" -c "SELECT count(*) FROM pgbench_accounts" >/dev/null   # warm the cache equally for all runs
t_base=$(secs sh -c "pg_dump -h 127.0.0.1 -U $USER_ --no-password $DB | gzip > $WORK/plain.sql.gz")
t_native=$(secs sh -c "pg_dump -h 127.0.0.1 -U $USER_ --no-password -Fc $DB > $WORK/native.dump")
unset PGPASSWORD
t_console=$(secs sh -c "/usr/bin/time -f %M -o $WORK/rss-backup $CONSOLE backup db --config $WORK/project/edm-console.yml > $WORK/backup.out 2>&1")
t_verify=$(secs sh -c "/usr/bin/time -f %M -o $WORK/rss-verify $CONSOLE backup verify --config $WORK/project/edm-console.yml > $WORK/verify.out 2>&1")

mb() { echo "scale=1; $SIZE / 1048576 / $1" | bc; }
printf '%-34s %8s %10s %12s\n' step seconds "MB/s(db)" "output MiB"
printf '%-34s %8.1f %10s %12s\n' "pg_dump | gzip (baseline)" "$t_base" "$(mb "$t_base")" "$(( $(stat -c %s "$WORK/plain.sql.gz") / 1048576 ))"
printf '%-34s %8.1f %10s %12s\n' "pg_dump -Fc (no encryption)" "$t_native" "$(mb "$t_native")" "$(( $(stat -c %s "$WORK/native.dump") / 1048576 ))"
printf '%-34s %8.1f %10s %12s\n' "edm-console backup db (encrypted)" "$t_console" "$(mb "$t_console")" \
    "$(( $(du -cb "$WORK"/project/backups/database/*.edmenc | tail -1 | cut -f1) / 1048576 ))"
printf '%-34s %8.1f %10s\n' "edm-console backup verify" "$t_verify" "$(mb "$t_verify")"
cat "$WORK/backup.out" "$WORK/verify.out" | grep -v "^  [a-z_. ]*: [0-9.]* [KMG]*i*B, " || true
echo "ratio console/baseline: $(echo "scale=2; $t_console / $t_base" | bc)"
echo "peak RSS of the console: backup $(( $(cat "$WORK/rss-backup") / 1024 )) MiB, verify $(( $(cat "$WORK/rss-verify") / 1024 )) MiB (-Xmx256m)"
if grep -rq "$PW" "$WORK/backup.out" "$WORK/verify.out" "$WORK/project/backups"; then echo "PASSWORD LEAKED"; exit 1; fi
