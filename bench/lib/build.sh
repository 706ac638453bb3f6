# Sourced by the bench scripts that run a packaged service with a harness from its test classes: installs the
# parent pom, common, launcher and test-support into the local Maven repository when missing or older than their sources,
# packages a service module when its jar is older than its sources, and writes its test classpath.
# Needs ROOT (the repository root); MAVEN_OFFLINE=1 runs Maven offline, MAVEN_REPO overrides ~/.m2/repository.

MVN="mvn -q -B"
[ -n "${MAVEN_OFFLINE:-}" ] && MVN="$MVN -o"
# the repository the checks below look in is the one Maven uses
[ -n "${MAVEN_REPO:-}" ] && MVN="$MVN -Dmaven.repo.local=$MAVEN_REPO"

# install_libraries: the parent pom when missing or different, common, launcher and test-support (the tests'
# shared fixtures, needed by every bench that compiles a module's tests) when missing or older than
# their sources
install_libraries() {
    local version repo module artifact installed
    version=$(sed -n 's:.*<version>\(.*SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
    repo="${MAVEN_REPO:-$HOME/.m2/repository}/org/yaqaza"
    installed="$repo/yaqaza-parent/$version/yaqaza-parent-$version.pom"
    if ! cmp -s "$ROOT/pom.xml" "$installed"; then
        echo "installing the parent pom"
        (cd "$ROOT" && $MVN -N install)
    fi
    for module in common launcher test-support; do
        artifact="yaqaza-$module"
        installed="$repo/$artifact/$version/$artifact-$version.jar"
        if [ ! -f "$installed" ] || [ -n "$(find "$ROOT/$module/src" "$ROOT/$module/pom.xml" -newer "$installed" \
                -type f | head -1)" ]; then
            echo "installing $module (missing from the local Maven repository, or older than its sources)"
            (cd "$ROOT/$module" && $MVN install -DskipTests)
        fi
    done
}

# package_only MODULE: packages MODULE when its jar is missing or older than its sources (no test classpath)
package_only() {
    local jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$1/src" "$ROOT/$1/pom.xml" -newer "$jar" -type f | head -1)" ]; then
        echo "building $1"
        (cd "$ROOT/$1" && $MVN package -DskipTests)
    fi
}

# package_service MODULE: packages MODULE when its jar is missing or older than its sources (test harness
# included), compiles its tests and writes their classpath to MODULE/target/bench.classpath; stays in MODULE
package_service() {
    cd "$ROOT/$1"
    local jar=target/quarkus-app/quarkus-run.jar
    if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f | head -1)" ]; then
        echo "building $1"
        $MVN package -DskipTests
    fi
    $MVN test-compile
    $MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
}
