package gov.civilaffairs.auth;

import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo staff who may get a token with the password grant ({@code auth-server.staff.<username>}).
 * Local and demo use only: production staff sign in at the city's identity provider.
 *
 * @param staff members of staff by user name (the token's {@code sub})
 */
@Validated
@ConfigurationProperties("auth-server")
record StaffProperties(@NotEmpty Map<String, @Valid StaffMember> staff) {

  /**
   * @param password the password hash in Spring Security's delegating format, for example
   *     {@code {bcrypt}$2a$10$...} (never a clear password)
   * @param roles role codes of the claims contract, put in the {@code roles} claim
   * @param region GB/T 2260 code of the member's area (6, 9 or 12 digits), put in the {@code region}
   *     claim; empty for city-wide roles
   */
  record StaffMember(
      @NotBlank @Pattern(regexp = "\\{[a-z0-9]+}.+", message = "must be a hash such as {bcrypt}$2a$10$...")
      String password,
      @NotEmpty Set<@Pattern(regexp = "CITY_ADMINISTRATOR|COUNTY_OFFICER|TOWNSHIP_CASEWORKER|VILLAGE_ASSISTANT|AUDITOR|OPERATIONS",
          message = "must be a staff role code of the claims contract") String> roles,
      @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "must be a 6, 9 or 12-digit GB/T 2260 code") String region) {
  }
}
