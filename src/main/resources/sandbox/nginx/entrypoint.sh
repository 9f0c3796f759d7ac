#!/bin/sh
# Entry point of edm-nginx (sandbox): starts the traffic generator (unless CHATTER=0), then nginx in the
# foreground as PID 1, so that docker stop's signal and `nginx -s reload|reopen|quit` reach nginx itself.
if [ "${CHATTER:-1}" = "1" ]; then
    /bin/bash /usr/local/lib/edm-nginx/traffic.sh &
fi
exec nginx -g 'daemon off;'
