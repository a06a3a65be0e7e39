package gov.civilaffairs.veterans;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Veterans' special care: entitled persons by category, pension standards, periodic pensions and subsidies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VeteransApplication {

  public static void main(String[] args) {
    SpringApplication.run(VeteransApplication.class, args);
  }
}
