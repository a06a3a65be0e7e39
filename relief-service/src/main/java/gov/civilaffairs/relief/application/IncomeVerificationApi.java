package gov.civilaffairs.relief.application;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

/**
 * income-verification-service's verification requests ({@code POST /verification-requests}), called
 * with this service's client-credentials token. The request's outcome arrives later as the event
 * {@code income.verification-completed.v1} ({@link VerificationCompletedListener}).
 */
interface IncomeVerificationApi {

  /**
   * @return the request as stored; only its id is read
   * @throws org.springframework.web.client.HttpClientErrorException 409 {@code verification-pending}
   *     (member {@code pendingRequestId}) when the household already has a pending request for the same
   *     purpose; 422 {@code consent-*}; 400 validation
   */
  @PostExchange("/verification-requests")
  Submitted submit(@RequestBody Request body);

  /**
   * Body of the request (income-verification-service's {@code VerificationRequestBody}).
   *
   * @param householdId {@link AllowanceApplication#verificationReference()}, e.g. {@code dibao-application-12}
   * @param residence {@code URBAN} or {@code RURAL}
   * @param purpose {@code ALLOWANCE_APPLICATION}
   * @param members the members' national ID numbers
   * @param consent the household's signed consent
   * @param regionCode the application's 12-digit village or community code: the household's area in
   *     income-verification-service (its area checks and the household's list of department queries)
   */
  record Request(String householdId, String residence, String purpose, List<String> members, Consent consent,
      String regionCode) {
  }

  /** The household's signed consent (授权书). */
  record Consent(String documentReference, LocalDate signedOn) {
  }

  /** The part of the answer read here: {@code request.id}. */
  record Submitted(StoredRequest request) {

    record StoredRequest(long id) {
    }
  }
}
