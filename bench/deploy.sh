#!/bin/sh
# Deploy downtime benchmark (on demand, not part of mvn verify): a probe hits the sandbox backend's health
# URL every 50 ms through its published port while the console deploys v1.0 <-> v1.1, then while the
# spec's manual sequence (docker stop + docker run) does the same; prints failed requests and longest gap.
# Usage: bench/deploy.sh [ROUNDS]   (needs the local Docker engine; brings the sandbox up if needed)
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    edm.console.workflow.bench.DeployDowntimeBench "${1:-2}"
