#!/bin/sh
# Health check of the EDM sandbox (SPEC-006 scripts/health-check.sh).
rc=0
curl -fsS -o /dev/null --max-time 5 http://127.0.0.1:18002/api/health && echo "backend ok" || { echo "backend FAILED"; rc=1; }
curl -fsS -o /dev/null --max-time 5 http://127.0.0.1:18001/ && echo "frontend ok" || { echo "frontend FAILED"; rc=1; }
curl -fsS -o /dev/null --max-time 5 http://127.0.0.1:18080/nginx-health && echo "nginx ok" || { echo "nginx FAILED"; rc=1; }
exit $rc
