#!/usr/bin/env bash
# Regenerates the typed API client from the server's OpenAPI schema (`vori openapi`):
#   web/openapi.json        the schema, as the server describes itself
#   web/src/api/schema.ts   its TypeScript types (openapi-typescript), used by openapi-fetch in src/api/client.ts
# scripts/test runs this and fails when the committed files differ: regenerate and commit after an API change.
set -euo pipefail
cd "$(dirname "$0")"
../.venv/bin/vori openapi > openapi.json
npx --no-install openapi-typescript openapi.json -o src/api/schema.ts --alphabetize >/dev/null
