package gov.civilaffairs.registry.death;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which death sources each caller may report, under {@code registry.death-sources} (issue 3; OWASP
 * API Security 2023 API5, function-level authorization: a hospital's system must not be able to
 * pose as the police). Defaults in {@code application.yml}, from who issues each document:
 * {@code police} the hukou cancellation (户口登记条例, art. 8), {@code hospital} the medical death
 * certificate (居民死亡医学证明（推断）书), {@code funeral-home} the cremation record (殡葬管理条例),
 * {@code data-sharing-platform} every source (the city's data-sharing platform relays all of them);
 * staff of the bureau the caseworker entry and the court declaration (民法典, arts. 46-48: the bureau
 * records a judgment it is shown). A city maps its own client ids by configuration, e.g.
 * {@code REGISTRY_DEATHSOURCES_CLIENTS_SHAOXING-POLICE=HUKOU_CANCELLATION}.
 *
 * @param clients per machine-client id (the token's {@code client_id}), the sources it may report; a
 *     client not listed may report none (fail closed)
 * @param staff the sources staff (a token without {@code client_id}) may report
 */
@Validated
@ConfigurationProperties("registry.death-sources")
public record DeathSourceProperties(Map<String, Set<DeathSource>> clients, Set<DeathSource> staff) {

  public DeathSourceProperties {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
    staff = staff == null ? EnumSet.noneOf(DeathSource.class) : Set.copyOf(staff);
  }
}
