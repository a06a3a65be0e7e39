package gov.civilaffairs.relief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Social assistance: households and members, minimum living allowance and other assistance cases, benefits and payment rolls. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReliefApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReliefApplication.class, args);
  }
}
