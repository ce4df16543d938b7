#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations projects,
# then regenerates the SQL Server idempotent script that deployments run.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  project=src/KetamineClinic.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
scripts/sqlserver-script.sh
