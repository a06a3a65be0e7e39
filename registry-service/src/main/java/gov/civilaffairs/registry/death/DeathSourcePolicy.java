package gov.civilaffairs.registry.death;

import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.CallerKind;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Binds a death report's {@code source} to the caller that sends it ({@link DeathSourceProperties}):
 * a machine client reports only the sources configured for its client id, staff only the staff
 * sources. Applied to {@code POST /deaths} and {@code POST /registry/notify}.
 */
@Component
public class DeathSourcePolicy {

  /** Problem code of a source the caller may not report. */
  public static final String SOURCE_NOT_ALLOWED = "source-not-allowed";

  private final DeathSourceProperties properties;

  DeathSourcePolicy(DeathSourceProperties properties) {
    this.properties = properties;
  }

  /** Whether the caller may report deaths of this source. */
  public boolean allows(Caller caller, DeathSource source) {
    Set<DeathSource> allowed = caller.kind() == CallerKind.CLIENT
        ? properties.clients().getOrDefault(caller.id(), Set.of())
        : properties.staff();
    return allowed.contains(source);
  }

  /**
   * @throws ProblemException 403 {@value #SOURCE_NOT_ALLOWED} naming the source, with
   *     {@code errors[0].field = source}, when the caller may not report it
   */
  public void require(Caller caller, DeathSource source) {
    if (!allows(caller, source)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, SOURCE_NOT_ALLOWED,
          "You may not report deaths with source " + source + "; each source is reported by the system that issues "
              + "it (registry.death-sources).",
          Map.of("source", source.name(), "errors", List.of(Map.of("field", "source", "rule", "AllowedForCaller",
              "message", "source " + source + " is not allowed for this caller"))));
    }
  }
}
