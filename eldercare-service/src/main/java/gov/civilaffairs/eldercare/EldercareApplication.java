package gov.civilaffairs.eldercare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Eldercare: elderly persons and cards, old-age allowances, care institutions, home-care stations, welfare enterprises and lottery. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EldercareApplication {

  public static void main(String[] args) {
    SpringApplication.run(EldercareApplication.class, args);
  }
}
