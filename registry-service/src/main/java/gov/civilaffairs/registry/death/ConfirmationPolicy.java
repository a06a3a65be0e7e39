package gov.civilaffairs.registry.death;

import java.util.Set;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which sources confirm a death alone (DOMAIN.md, the death rule, 2; city policy, configurable under
 * {@code registry.death.confirmation}).
 *
 * @param authoritativeSources sources whose report confirms a matched death at once. Default: the
 *     sources whose documents are legal proof of death: hukou cancellation (户口登记条例 art. 8),
 *     medical death certificate (国卫规划发〔2013〕57号), cremation record (殡葬管理条例) and court
 *     declaration (民法典 art. 48). Any other source (by default a caseworker's entry) waits for a
 *     second, different source or for a supervisor.
 */
@Validated
@ConfigurationProperties("registry.death.confirmation")
public record ConfirmationPolicy(
    @NotNull @DefaultValue({"HUKOU_CANCELLATION", "MEDICAL_CERTIFICATE", "CREMATION", "COURT_DECLARATION"})
    Set<DeathSource> authoritativeSources) {

  /** Whether a matched death supported by these sources is confirmed without a supervisor. */
  public boolean confirms(Set<DeathSource> sources) {
    return sources.size() >= 2 || sources.stream().anyMatch(authoritativeSources::contains);
  }
}
