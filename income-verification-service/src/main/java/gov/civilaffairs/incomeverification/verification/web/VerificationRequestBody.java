package gov.civilaffairs.incomeverification.verification.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import gov.civilaffairs.incomeverification.verification.Consent;
import gov.civilaffairs.incomeverification.verification.NewVerification;
import gov.civilaffairs.incomeverification.verification.Purpose;
import gov.civilaffairs.incomeverification.verification.Residence;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;

/**
 * Body of {@code POST /verification-requests}: exactly the fields a caseworker may set.
 *
 * @param householdId relief-service's household id, 1 to 64 characters
 * @param residence {@code URBAN} or {@code RURAL}
 * @param purpose why the household is verified
 * @param members the household members' national ID numbers (公民身份号码), 1 to 20, distinct
 * @param consent the signed consent; checked by the service (422 when missing, expired or in the future)
 */
record VerificationRequestBody(
    @NotBlank @Size(max = 64) String householdId,
    @NotNull Residence residence,
    @NotNull Purpose purpose,
    @NotEmpty @Size(max = 20) List<@NotNull @ValidNationalIdNumber String> members,
    ConsentBody consent) {

  /**
   * @param documentReference reference of the signed consent document, at most 100 characters
   * @param signedOn the date it was signed (ISO 8601)
   */
  record ConsentBody(@Size(max = 100) String documentReference, LocalDate signedOn) {
  }

  NewVerification toCommand() {
    List<String> normalised = members.stream().map(member -> NationalIdNumber.parse(member).value()).distinct()
        .toList();
    return new NewVerification(householdId, residence, purpose, normalised,
        consent == null ? null : new Consent(consent.documentReference(), consent.signedOn()));
  }
}
