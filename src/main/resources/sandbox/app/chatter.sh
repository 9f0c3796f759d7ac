# Background application log of the sandbox backend, so that log views have something realistic to show:
# one line every $LOG_INTERVAL seconds, about 5 % of them errors. (The requests come from edm-nginx's
# traffic generator, through nginx.)
. /app/lib.sh
interval=${LOG_INTERVAL:-3}
# pick WORD...: sets PICKED to one of the words (no subshell, so that RANDOM advances in this shell).
pick() { shift $(( RANDOM % $# )); PICKED=$1; }
while sleep "$interval"; do
    r=$(( RANDOM % 100 ))
    case "$ROLE" in
        backend)
            if [ "$BROKEN" = "1" ] || [ $r -lt 5 ]; then
                pick 'connection to postgres:5432 timed out' 'deadlock detected' 'relation "campaign_stats" does not exist'
                app_log ERROR db "query failed: $PICKED"
            elif [ $r -lt 15 ]; then
                pick 'SMTP send to mx.example.net slow: 4.2s' 'retrying delivery of campaign 7 batch 3' 'redis cache miss storm: 120 misses/s'
                app_log WARN mail "$PICKED"
            else
                pick 'GET /api/campaigns 200 12ms' 'POST /api/campaigns/7/send 202 48ms' 'GET /api/users 200 8ms' 'worker delivered 250 messages' 'token refreshed for user 2'
                app_log INFO api "$PICKED"
            fi ;;
        *) : ;;
    esac
done
