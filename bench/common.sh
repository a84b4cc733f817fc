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
