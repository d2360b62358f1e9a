#!/usr/bin/env bash
# Mints a development JWT for one role, signed with the local development key that the AppHost gives
# every service (src/AppHost/appsettings.json "Authentication:Jwt"). Development only: production
# takes tokens from the hospital's identity provider (Authentication:Jwt:Authority; docs/security.md).
#   scripts/dev-token.sh nurse            -> a token for subject "dev-nurse", valid 8 hours
#   scripts/dev-token.sh prescriber dr-1 60
set -euo pipefail
role=${1:?usage: dev-token.sh ROLE [SUBJECT] [MINUTES]   (roles: prescriber pharmacist nurse ops integration)}
subject=${2:-dev-$role}
minutes=${3:-480}
case "$role" in prescriber|pharmacist|nurse|ops|integration) ;; *) echo "unknown role '$role'" >&2; exit 2;; esac

settings="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/AppHost/appsettings.json"
value() { grep -o "\"$1\": *\"[^\"]*\"" "$settings" | head -1 | sed -E 's/.*: *"([^"]*)"/\1/'; }
key=$(value SigningKey); issuer=$(value Issuer); audience=$(value Audience)

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"%s","role":"%s","iss":"%s","aud":"%s","nbf":%d,"iat":%d,"exp":%d}' \
  "$subject" "$role" "$issuer" "$audience" "$now" "$now" $((now + minutes * 60)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
