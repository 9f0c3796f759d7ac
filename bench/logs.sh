#!/bin/sh
# Log ingest benchmark (on demand, not part of mvn verify).
# Usage: bench/logs.sh [SECONDS_PER_PHASE] [all|container|file|file-max]
# Needs the local Docker engine for the container phase. JVM options as the installed launcher's.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -XX:+UseSerialGC -Xms16m -Xmx128m -Xss512k -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    edm.console.logs.bench.LogIngestBench "${1:-60}" "${2:-all}"
