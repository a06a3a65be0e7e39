package gov.civilaffairs.incomeverification.verification.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import gov.civilaffairs.incomeverification.verification.Consent;
import gov.civilaffairs.incomeverification.verification.NewVerification;
import gov.civilaffairs.incomeverification.verification.Purpose;
import gov.civilaffairs.incomeverification.verification.Residence;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /verification-requests}: exactly the fields a caseworker may set.
 *
 * @param householdId relief-service's household id, 1 to 64 characters
 * @param residence {@code URBAN} or {@code RURAL}
 * @param purpose why the household is verified
 * @param members the household members' national ID numbers (公民身份号码), 1 to 20, distinct
 * @param consent the signed consent; checked by the service (422 when missing, expired or in the future)
 * @param regionCode optional 12-digit GB/T 2260 code of the household's village, within the caller's
 *     area; default the caller's own region
 */
record VerificationRequestBody(
    @Schema(description = "relief-service's household id", example = "H-330681001004-0007")
    @NotBlank @Size(max = 64) String householdId,
    @Schema(example = "URBAN") @NotNull Residence residence,
    @Schema(example = "ALLOWANCE_APPLICATION") @NotNull Purpose purpose,
    @Schema(description = "公民身份号码 of every member, GB 11643-1999", example = "[\"330681199001011237\"]")
    @NotEmpty @Size(max = 20) List<@NotNull @ValidNationalIdNumber String> members,
    ConsentBody consent,
    @Schema(description = "Optional: the household's village (GB/T 2260, 12 digits), within the caller's area; "
        + "default the caller's own region", example = "330681001004")
    @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village-level region code") String regionCode) {

  /**
   * @param documentReference reference of the signed consent document, at most 100 characters
   * @param signedOn the date it was signed (ISO 8601)
   */
  record ConsentBody(@Schema(example = "SQ-2026-0001") @Size(max = 100) String documentReference,
      @Schema(example = "2026-11-28") LocalDate signedOn) {
  }

  /** @param region the household's area: {@link #regionCode} if given, else the caller's region (may be null) */
  NewVerification toCommand(String region) {
    List<String> normalised = members.stream().map(member -> NationalIdNumber.parse(member).value()).distinct()
        .toList();
    return new NewVerification(householdId, residence, purpose, normalised,
        consent == null ? null : new Consent(consent.documentReference(), consent.signedOn()), region);
  }
}
