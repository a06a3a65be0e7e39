package gov.civilaffairs.relief.application;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Asks income-verification-service to verify an applying household (家庭经济状况核对, with the
 * household's written consent; 民发〔2021〕57号). Timeouts from {@code spring.http.serviceclient.income-verification.*},
 * circuit breaker {@code income-verification}. The answer comes later as an event; this only submits.
 */
@Component
@ImportHttpServices(group = "income-verification", types = IncomeVerificationApi.class)
class IncomeVerification {

  private static final Logger log = LoggerFactory.getLogger(IncomeVerification.class);

  /** What became of a submission. */
  interface Submission {
    /** Accepted (or a pending request of the household adopted): its id. */
    record Accepted(long requestId) implements Submission {
    }

    /** The service did not answer; submit again later. */
    record Unavailable() implements Submission {
    }

    /** The service refused the request (4xx): retrying the same request will not help. */
    record Refused(String reason) implements Submission {
    }
  }

  private final IncomeVerificationApi api;
  private final CircuitBreaker circuitBreaker;

  IncomeVerification(HttpServiceProxyRegistry clients, CircuitBreakerRegistry circuitBreakers) {
    this.api = clients.getClient("income-verification", IncomeVerificationApi.class);
    this.circuitBreaker = circuitBreakers.circuitBreaker("income-verification");
  }

  Submission submit(AllowanceApplication application) {
    IncomeVerificationApi.Request request = new IncomeVerificationApi.Request(application.verificationReference(),
        application.area().name(), "ALLOWANCE_APPLICATION",
        application.members().stream().map(AllowanceApplication.ApplicantMember::nationalIdNumber).toList(),
        new IncomeVerificationApi.Consent(application.consentReference(), application.consentSignedOn()),
        application.regionCode());
    try {
      return new Submission.Accepted(circuitBreaker.executeSupplier(() -> api.submit(request)).request().id());
    } catch (HttpClientErrorException refused) {
      Map<?, ?> problem = problem(refused);
      if (refused.getStatusCode().value() == 409 && problem.get("pendingRequestId") instanceof Number pending) {
        return new Submission.Accepted(pending.longValue());
      }
      Object code = problem.get("code");
      Object detail = problem.get("detail");
      return new Submission.Refused(refused.getStatusCode().value() + " " + (code == null ? "" : code + ": ")
          + (detail == null ? refused.getStatusText() : detail));
    } catch (ResourceAccessException | HttpServerErrorException | CallNotPermittedException
        | OAuth2AuthorizationException unavailable) {
      log.warn("income-verification-service did not take application {}: {}", application.id(), unavailable.toString());
      return new Submission.Unavailable();
    }
  }

  private static Map<?, ?> problem(HttpClientErrorException e) {
    try {
      Map<?, ?> body = e.getResponseBodyAs(Map.class);
      return body == null ? Map.of() : body;
    } catch (RuntimeException unreadable) {
      return Map.of();
    }
  }

}
