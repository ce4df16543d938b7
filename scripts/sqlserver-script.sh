#!/usr/bin/env bash
# Regenerates the idempotent SQL Server migration script (a test checks it is current).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/KetamineClinic.Migrations.SqlServer
dotnet ef migrations script --idempotent --project "$project" --startup-project "$project" \
  --output "$project/migrate-idempotent.sql"
