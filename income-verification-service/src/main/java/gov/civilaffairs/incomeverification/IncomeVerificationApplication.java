package gov.civilaffairs.incomeverification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Household economic verification: requests, consents, other departments' results and reports. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IncomeVerificationApplication {

  public static void main(String[] args) {
    SpringApplication.run(IncomeVerificationApplication.class, args);
  }
}
