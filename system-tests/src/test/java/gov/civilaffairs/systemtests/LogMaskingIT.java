package gov.civilaffairs.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3, "Done when": no national ID number appears unmasked in any log line of the run (QUALITY.md:
 * masked "always in logs", first 6 and last 4 kept). Runs after every other test class (see
 * junit-platform.properties) and reads the log of every deployable for every number the run used.
 */
@ExtendWith(RunningSystem.class)
@Order(Integer.MAX_VALUE)
class LogMaskingIT {

  @Test
  void noLogLineOfTheRunHoldsAnUnmaskedNationalIdNumber(SystemUnderTest system) throws IOException {
    List<String> numbers = NationalIdNumbers.issued();
    List<Path> logs;
    try (Stream<Path> files = Files.list(system.logs())) {
      logs = files.filter(file -> file.toString().endsWith(".log")).toList();
    }

    // auth-server, gateway and the four services of every run; income-verification-service's log too
    // when IncomeVerificationRegistryIT ran before
    assertThat(logs).map(log -> log.getFileName().toString()).contains("auth-server.log", "gateway.log",
        "registry-service.log", "relief-service.log", "eldercare-service.log", "veterans-service.log");
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(numbers).as("ID numbers in %s", log).noneMatch(text::contains);
    }
  }
}
