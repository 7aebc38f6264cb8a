#!/bin/sh
# Starts the whole Haat marketplace on this machine, no Docker needed:
#   ./run.sh [start|stop|status|reset] [--infra-only] [--no-seed]      (./run.sh --help)
#   ./run.sh kill|restart <part>     SIGKILL one part / start it again (fault tests; docs/operations.md)
#   ./run.sh dlt [list|replay <topic>.DLT]   dead-letter topics: what waits in them, and sending it back
# Builds what is missing first, then runs the launcher (deploy/local). Data and logs live in .haat/.
set -e
ROOT=$(cd "$(dirname "$0")" && pwd)
cd "$ROOT"

JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
java_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}
if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_version "$JAVA_HOME")" != 25 ]; then
  if [ -d "$JDK25" ]; then JAVA_HOME=$JDK25; fi
fi
if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "run.sh: JDK 25 is needed; set JAVA_HOME to it" >&2
  exit 1
fi
export JAVA_HOME

command=
infra_only=false
for arg in "$@"; do
  case "$arg" in
    --infra-only) infra_only=true ;;
    -*) ;;
    *) [ -z "$command" ] && command=$arg ;;  # the first word; kill|restart <part> have a second
  esac
done
command=${command:-start}

# ./run.sh dlt [list|replay <topic>.DLT] [--bootstrap host:port]: the dead-letter replay command
# (io.haat.platform.messaging.dlt.DeadLetterReplay, in every service's jar; docs/operations.md)
if [ "$command" = dlt ]; then
  if [ "$1" != dlt ]; then
    echo "run.sh: usage: ./run.sh dlt [list|replay <topic>.DLT] [--bootstrap host:port]" >&2
    exit 2
  fi
  shift
  for module in order-service payment-service seller-service identity-service notification-service catalog-service; do
    jar=$module/target/$module-0.1.0-SNAPSHOT.jar
    if [ -f "$jar" ]; then
      exec "$JAVA_HOME/bin/java" -Xmx128m -XX:TieredStopAtLevel=1 -Dloader.main=io.haat.platform.messaging.dlt.DeadLetterReplay \
        -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
    fi
  done
  echo "run.sh: no service jar is built (./mvnw -B -q -DskipTests install)" >&2
  exit 1
fi

MODULES="discovery gateway identity-service catalog-service order-service payment-service seller-service notification-service"
TARGET=deploy/local/target
launcher_built() {
  [ -f "$TARGET/classes/io/haat/local/Launcher.class" ] && [ -f "$TARGET/classpath.txt" ] \
    && [ -f "$TARGET/mail-classpath.txt" ] && [ -f "$TARGET/keycloak-dist.txt" ]
}
missing_jars() {
  for module in $MODULES; do
    [ -f "$module/target/$module-0.1.0-SNAPSHOT.jar" ] || printf '%s ' "$module"
  done
}

# Build only what is missing (HAAT_SKIP_BUILD=1 skips this); after changing code, rebuild with ./mvnw -DskipTests install.
if [ -z "$HAAT_SKIP_BUILD" ]; then
  if [ "$command" = start ] && [ "$infra_only" = false ]; then
    missing=$(missing_jars)
    if [ -n "$missing" ] || ! launcher_built; then
      echo "run.sh: building what is missing (${missing:-the launcher}): ./mvnw -B -q -DskipTests install"
      ./mvnw -B -q -DskipTests --fail-at-end install \
        || echo "run.sh: the build failed for some modules; starting what is built (the rest is skipped)" >&2
    fi
  elif ! launcher_built; then
    echo "run.sh: building the launcher: ./mvnw -B -q -pl deploy/local -am -DskipTests install"
    ./mvnw -B -q -pl deploy/local -am -DskipTests install
  fi
fi
if ! launcher_built; then
  echo "run.sh: the launcher (deploy/local) is not built; see the build output above" >&2
  exit 1
fi

# exec: the launcher gets Ctrl-C itself and stops every part in order (they run in sessions of their own).
exec "$JAVA_HOME/bin/java" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dhaat.repo="$ROOT" \
  -cp "$TARGET/classes:$(cat "$TARGET/classpath.txt")" io.haat.local.Launcher "$@"
