# Helpers the bench scripts share (sourced, not run). sign_in keeps its cookie jars in $work.

# A free TCP port of 127.0.0.1.
free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The CSRF token of a page's first form.
csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$1" | head -n1; }

# Signs in with the demo password at the base URL (default $base); prints the session's Cookie
# header value, or stops the script when sign-in fails.
sign_in() { # email [base URL]
	local at=${2:-$base} jar page csrf location
	jar=$work/cookies-$1-${at##*:}
	rm -f "$jar"
	page=$(curl -s -c "$jar" -b "$jar" "$at/sign-in")
	csrf=$(csrf_of "$page")
	location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "email=$1" \
		--data-urlencode password=demo-password --data-urlencode "_csrf=$csrf" "$at/sign-in")
	case $location in
	*sign-in*) echo "Cannot sign in as $1 at $at ($location)" >&2; exit 1 ;;
	esac
	awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar"
}

# Waits up to 150 s until the application answers its sign-in page; stops the script, showing
# the end of its log, if the process ends first.
await_sign_in_page() { # base URL, pid, log file
	for _ in $(seq 1 750); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$1/sign-in")" = 200 ] && return
		kill -0 "$2" 2>/dev/null || { echo "The application at $1 stopped:" >&2; tail -40 "$3" >&2; exit 1; }
		sleep 0.2
	done
	echo "The application at $1 did not answer within 150 s" >&2
	exit 1
}

# Waits up to 120 s until the demo data is planted (once the application has started).
await_demo_data() { # database
	for _ in $(seq 1 600); do
		[ "$(PGOPTIONS='-c search_path=video_call_admin' psql -d "$1" -qAtX -c "select count(*) from invitation" \
			2>/dev/null || echo 0)" -gt 0 ] && return
		sleep 0.2
	done
}
