# Sourced by ./gapwise, ./test and .ci/run: finds a JDK 25 or newer and exports JAVA_HOME.
# The machine's default java may be older (17); Gapwise needs 25, so we look for it ourselves.

gapwise_java_major() {
  # Prints the major version of the java binary in $1 (e.g. 25), or nothing.
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${version%%.*}"
}

gapwise_find_jdk() {
  local required=25 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(gapwise_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$required" ]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
                   "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(gapwise_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "gapwise: no JDK $required or newer found." >&2
    echo "  Looked at JAVA_HOME (${JAVA_HOME:-unset}) and under /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks." >&2
    echo "  Install a JDK $required (for example Eclipse Temurin $required) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

gapwise_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "gapwise: Maven (mvn) is needed to build Gapwise and was not found on PATH." >&2
    echo "  On Debian/Ubuntu: sudo apt-get install maven" >&2
    return 1
  fi
}
