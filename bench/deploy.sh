#!/bin/sh
# Deploy downtime benchmark (on demand, not part of mvn verify): 50 requests/s through the sandbox's nginx
# (its published port, /api/health of the backend) while the console (a) deploys v1.0 blue-green, (b) deploys
# v1.2-broken (refused by the health gate before the switch), (c) rolls back to the kept container, and (m)
# the spec's manual docker stop + docker rm + docker run (+ nginx -s reload) does the same in the same run.
# Prints requests, failed requests, the longest gap between good answers and how long each action took.
# Usage: bench/deploy.sh [ROUNDS]   (needs the local Docker engine; brings the sandbox up, holding its lock)
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    edm.console.workflow.bench.DeployDowntimeBench "${1:-1}"
