package gov.civilaffairs.veterans;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Veterans' special care: entitled persons by category, pension standards, periodic pensions and subsidies. */
@SpringBootApplication
public class VeteransApplication {

  public static void main(String[] args) {
    SpringApplication.run(VeteransApplication.class, args);
  }
}
