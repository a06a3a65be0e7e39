package gov.civilaffairs.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import gov.civilaffairs.platform.web.ProblemException;

class AuditOutcomeTest {

  @ParameterizedTest
  @CsvSource({"200, SUCCESS", "201, SUCCESS", "204, SUCCESS", "302, SUCCESS", "401, DENIED", "403, DENIED",
      "404, NOT_FOUND", "400, FAILED", "409, FAILED", "500, FAILED", "503, FAILED"})
  void outcomeFollowsTheHttpStatus(int status, AuditOutcome expected) {
    assertThat(AuditOutcome.ofStatus(status)).isEqualTo(expected);
  }

  @Test
  void outcomeOfAnExceptionFollowsItsStatus() {
    assertThat(AuditedAspect.outcomeOf(ProblemException.notFound("household", 7))).isEqualTo(AuditOutcome.NOT_FOUND);
    assertThat(AuditedAspect.outcomeOf(new ResponseStatusException(HttpStatus.FORBIDDEN)))
        .isEqualTo(AuditOutcome.DENIED);
    assertThat(AuditedAspect.outcomeOf(new IllegalStateException("boom"))).isEqualTo(AuditOutcome.FAILED);
  }
}
