# Sourced by ./mvnw and .ci/run: make JAVA_HOME point at a JDK 25 or newer.
# RiskPulse is built for Java 25; many machines default to an older `java`, so look in the usual
# places instead of trusting PATH. POSIX sh, no bashisms: mvnw runs under /bin/sh.
riskpulse_required_java=25

riskpulse_java_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

riskpulse_find_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    v=$(riskpulse_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$riskpulse_required_java" ]; then return 0; fi
    echo "RiskPulse: JAVA_HOME=$JAVA_HOME is Java ${v:-?}, need $riskpulse_required_java+; looking for another JDK." >&2
  fi
  # mvnw runs with `set -f` (no globbing); the search below needs it
  case $- in *f*) set +f; riskpulse_reset_f=1 ;; *) riskpulse_reset_f= ;; esac
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                   "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    v=$(riskpulse_java_major "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$riskpulse_required_java" ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      [ -z "$riskpulse_reset_f" ] || set -f
      return 0
    fi
  done
  [ -z "$riskpulse_reset_f" ] || set -f
  if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(riskpulse_java_major "$home")
    if [ -n "$v" ] && [ "$v" -ge "$riskpulse_required_java" ]; then
      JAVA_HOME=$home
      export JAVA_HOME
      return 0
    fi
  fi
  cat >&2 <<MSG
RiskPulse needs a JDK $riskpulse_required_java or newer, and none was found
(looked at JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks, macOS JavaVirtualMachines, PATH).
Install one, for example:
  Debian/Ubuntu: apt-get install temurin-25-jdk   (after adding the Adoptium repository, https://adoptium.net/installation/linux/)
  any OS:        https://adoptium.net/temurin/releases/?version=25
  SDKMAN:        sdk install java 25-tem
then run again, or point JAVA_HOME at it.
MSG
  return 1
}
