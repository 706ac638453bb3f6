#!/usr/bin/env bash
# Run once by the postgres image's entrypoint on an empty data directory (docker-entrypoint-initdb.d): one
# database per service, owned by <service>_owner (Flyway) and used by <service>_app (the datasource), the same
# layout the local launcher and the CloudNativePG clusters create. Passwords come from the Secrets made by
# make-secrets.sh, through environment variables; they never appear in a manifest.
set -euo pipefail
for service in gateway intelligence liaison prevention; do
    upper="${service^^}"
    owner_var="${upper}_OWNER_PASSWORD"
    app_var="${upper}_APP_PASSWORD"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v db="$service" -v owner="${service}_owner" -v app="${service}_app" \
        -v owner_pw="${!owner_var}" -v app_pw="${!app_var}" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_pw';
CREATE ROLE :"app" LOGIN PASSWORD :'app_pw';
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8';
-- no other role (and so no other service) may even connect to this database
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app";
\connect :"db"
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO :"owner";
GRANT USAGE ON SCHEMA public TO :"app";
SQL
done
