# Sourced by the bench scripts that start the whole suite through the launcher (soak.sh, writes.sh): builds the
# launcher and the five applications with `mvn package` in the reactor (never `install`), only when a jar is
# missing or older than its sources, and sets LAUNCHER_JAR and LAUNCHER_CLASSPATH.
# Needs ROOT (the repository root). Environment: MAVEN_OFFLINE=1 builds offline; REBUILD=1 rebuilds even when the
# jars look current.

suite_stale() {
  local module="$1" jar="$2"
  [[ ! -f "$jar" || "${REBUILD:-0}" == "1" ]] \
    || [[ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" "$ROOT/common/src/main" "$ROOT/pom.xml" \
                -newer "$jar" -print -quit 2>/dev/null)" ]]
}

suite_launcher_jar() {
  # no jar yet is not an error (set -e and pipefail in the callers)
  ls "$ROOT"/launcher/target/yaqaza-launcher-*.jar 2>/dev/null | grep -v -e sources -e tests | head -1 || true
}

build_suite() {
  local build=0 module
  LAUNCHER_JAR="$(suite_launcher_jar)"
  if [[ -z "$LAUNCHER_JAR" ]] || suite_stale launcher "$LAUNCHER_JAR"; then build=1; fi
  for module in gateway intelligence-service liaison-service prevention-service console; do
    if suite_stale "$module" "$ROOT/$module/target/quarkus-app/quarkus-run.jar"; then build=1; fi
  done
  if [[ "$build" == 1 ]]; then
    echo "building (mvn package -DskipTests in $ROOT) ..."
    (cd "$ROOT" && mvn -q -B ${MAVEN_OFFLINE:+-o} package -DskipTests \
        -pl common,launcher,gateway,intelligence-service,liaison-service,prevention-service,console)
    LAUNCHER_JAR="$(suite_launcher_jar)"
  fi
  [[ -f "$LAUNCHER_JAR" ]] || { echo "the launcher jar is missing after the build" >&2; exit 1; }
  LAUNCHER_CLASSPATH="$LAUNCHER_JAR:$ROOT/launcher/target/lib/*"
}
