package gov.civilaffairs.incomeverification.verification;

import java.time.LocalDate;
import java.time.Period;

import gov.civilaffairs.platform.web.ProblemException;

/**
 * The household's written consent to the verification (授权核对声明), without which no department is asked
 * (社会救助暂行办法 art. 38 / 民发〔2021〕57号: verification needs the applicant's authorisation).
 *
 * @param documentReference reference of the signed consent document, 1 to 100 characters
 * @param signedOn civil date (Asia/Shanghai) the consent was signed
 */
public record Consent(String documentReference, LocalDate signedOn) {

  /**
   * Checks that the consent may be used today.
   *
   * @param consent the consent given with the request, or {@code null}
   * @param today the bureau's civil date
   * @param maxAge how old it may be ({@code income-verification.consent-max-age})
   * @throws ProblemException 422 {@code consent-required} when there is no reference or date,
   *     {@code consent-in-future} when signed after today, {@code consent-expired} when signed before
   *     {@code today - maxAge}
   */
  public static Consent valid(Consent consent, LocalDate today, Period maxAge) {
    if (consent == null || consent.documentReference() == null || consent.documentReference().isBlank()
        || consent.signedOn() == null) {
      throw ProblemException.unprocessable("consent-required",
          "A written consent is required: give consent.documentReference and consent.signedOn");
    }
    if (consent.signedOn().isAfter(today)) {
      throw ProblemException.unprocessable("consent-in-future",
          "consent.signedOn " + consent.signedOn() + " is after today (" + today + ")");
    }
    if (consent.signedOn().isBefore(today.minus(maxAge))) {
      throw ProblemException.unprocessable("consent-expired", "consent.signedOn " + consent.signedOn()
          + " is older than " + maxAge + "; a new consent must be signed");
    }
    return consent;
  }
}
