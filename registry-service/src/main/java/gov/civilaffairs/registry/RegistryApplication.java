package gov.civilaffairs.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Civil registration of deaths: person index, death records and their sources, revocations; publishes person-deceased and death-record-revoked. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(RegistryApplication.class, args);
  }
}
