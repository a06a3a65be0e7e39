package gov.civilaffairs.relief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Social assistance: households and members, minimum living allowance and other assistance cases, benefits and payment rolls. */
@SpringBootApplication
public class ReliefApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReliefApplication.class, args);
  }
}
