package gov.civilaffairs.incomeverification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Household economic verification: requests, consents, other departments' results and reports. */
@SpringBootApplication
public class IncomeVerificationApplication {

  public static void main(String[] args) {
    SpringApplication.run(IncomeVerificationApplication.class, args);
  }
}
